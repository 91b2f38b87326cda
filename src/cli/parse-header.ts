import { registerSecret } from '../recording/output-boundary.js'
import { HEADER_NAME, headerValueProblem } from '../spec/header-value.js'
import { UsageError } from './usage-error.js'

/** `--header "X-API-Key: abc"` (repeatable) → `{ 'X-API-Key': 'abc' }`, names as written. */
export function parseHeaderOptions(values: string[] | undefined): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const value of values ?? []) {
    const colon = value.indexOf(':')
    // Without a colon the whole argument may be a secret (`Authorization Bearer …`): never echoed.
    if (colon <= 0)
      throw new UsageError('--header must look like "Name: value"; one has no colon (it is not shown: it may hold a secret)')
    const name = value.slice(0, colon).trim()
    const headerValue = value.slice(colon + 1).trim()
    registerSecret(headerValue, name)
    if (!HEADER_NAME.test(name))
      throw new UsageError(
        `--header must look like "Name: value"; "${name.slice(0, 40)}" is not a header name (letters, digits, -)`,
      )
    const problem = headerValueProblem(headerValue)
    if (problem) throw new UsageError(`--header ${name}: the value has ${problem}, which no HTTP header can carry`)
    headers[name] = headerValue
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

/** A URL option (or, named by `label`, an argument), checked. */
export function parseUrlOption(name: string, value: string | undefined, label = `--${name}`): string {
  if (value === undefined) throw new UsageError(`${label} is required`)
  try {
    const url = new URL(value)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http(s)')
    return url.href
  } catch {
    // Not a URL, or not http(s): either way the flag's value is what the user must fix.
    throw new UsageError(`${label} must be an http(s) URL, got "${value}"`)
  }
}
