import { UsageError } from './usage-error.js'

/** `--header "X-API-Key: abc"` (repeatable) → `{ 'X-API-Key': 'abc' }`, names as written. */
export function parseHeaderOptions(values: string[] | undefined): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const value of values ?? []) {
    const colon = value.indexOf(':')
    const name = colon > 0 ? value.slice(0, colon).trim() : ''
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
      throw new UsageError(`--header must look like "Name: value", got "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`)
    }
    headers[name] = value.slice(colon + 1).trim()
  }
  return headers
}

/** `--redact REGEX` (repeatable) → RegExps, with a clear error for a bad pattern. */
export function parseRedactOptions(values: string[] | undefined): RegExp[] {
  return (values ?? []).map((pattern) => {
    try {
      return new RegExp(pattern, 'g')
    } catch (error) {
      throw new UsageError(`--redact "${pattern}" is not a valid regular expression: ${(error as Error).message}`)
    }
  })
}

/** A URL option, checked. */
export function parseUrlOption(name: string, value: string | undefined): string {
  if (value === undefined) throw new UsageError(`--${name} is required`)
  try {
    const url = new URL(value)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http(s)')
    return url.href
  } catch {
    // Not a URL, or not http(s): either way the flag's value is what the user must fix.
    throw new UsageError(`--${name} must be an http(s) URL, got "${value}"`)
  }
}
