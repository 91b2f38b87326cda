/**
 * The 2026-07-28 transport's headers from tool parameters (MCP 2026-07-28 "Transports › Streamable
 * HTTP › Custom Headers from Tool Parameters"): which parameters a tool's `inputSchema` marks with
 * `x-mcp-header`, and the header value each argument gives. The judge's own reading of the rule.
 */

/** One parameter mirrored into a header: where its value is in the arguments, and the header's name. */
export interface ParamHeader {
  path: readonly string[]
  header: string
}

interface Schema {
  properties?: Record<string, unknown>
  'x-mcp-header'?: unknown
}

/** The `x-mcp-header` parameters of an input schema, reachable from its root through `properties` keys only. */
export function paramHeaders(inputSchema: unknown, path: readonly string[] = []): ParamHeader[] {
  const properties = (inputSchema as Schema | null | undefined)?.properties
  if (typeof properties !== 'object' || properties === null) return []
  return Object.entries(properties).flatMap(([key, schema]) => {
    const here = [...path, key]
    const name = (schema as Schema | null)?.['x-mcp-header']
    return [
      ...(typeof name === 'string' ? [{ path: here, header: `mcp-param-${name.toLowerCase()}` }] : []),
      ...paramHeaders(schema, here),
    ]
  })
}

/**
 * The header value an argument gives (strings as they are, integers in decimal, booleans in lower
 * case), or undefined when the value is absent or null (the header is then omitted).
 */
export function paramValue(args: unknown, path: readonly string[]): string | undefined {
  let node: unknown = args
  for (const key of path) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined
  if (typeof node === 'string') return node
  if (typeof node === 'number' || typeof node === 'boolean') return String(node)
  return undefined
}
