/**
 * The value `text` holds as JSON, or `fallback` when it is not JSON (or absent). Bodies and event
 * data are often not JSON, and the harness reads what clients and servers sent: for it, text that
 * is not JSON is data to handle, not an error to raise.
 *
 * @example
 * parseJsonOr('{"a":1}', undefined) // { a: 1 }
 * parseJsonOr('not json', 'text') // 'text'
 */
export function parseJsonOr(text: string | undefined, fallback: unknown): unknown {
  if (text === undefined) return fallback
  try {
    return JSON.parse(text) as unknown
  } catch {
    // JSON.parse throws only when the text is not JSON it can hold: for this caller, not JSON.
    return fallback
  }
}

/** A fallback no parsed JSON value can equal: tells "not JSON" from JSON `null`. */
export const NOT_JSON: unique symbol = Symbol('not JSON')

/**
 * A body's JSON object, or undefined when the body is not a JSON object (a metadata endpoint that
 * answered HTML, an array, a bare string).
 *
 * @example
 * jsonObject('{"resource":"https://a/mcp"}')?.resource // 'https://a/mcp'
 * jsonObject('[1]') // undefined
 */
export function jsonObject(text: string | undefined): Record<string, unknown> | undefined {
  const value = parseJsonOr(text, undefined)
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
}

/** How deep input JSON may nest: far beyond any real message, far below the recursion of JSON.stringify and the schema validators. */
export const MAX_JSON_DEPTH = 200

/** Whether a JSON value nests deeper than `max` levels (walked with a stack, so any depth is safe to ask about). */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]]
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!
    if (current === null || typeof current !== 'object') continue
    if (depth >= max) return true
    for (const item of Object.values(current)) if (item !== null && typeof item === 'object') stack.push([item, depth + 1])
  }
  return false
}
