/**
 * What in a header value HTTP cannot carry (RFC 9110 §5.5: no CR, LF or NUL; `fetch` takes bytes,
 * so nothing outside Latin-1), or undefined. A configured header is checked where it enters (a
 * flag, a recording, a counterexample), so it is an input error there and not a client error later.
 *
 * @example
 * headerValueProblem('a\nX-Injected: 1') // 'a line break'
 */
export function headerValueProblem(value: string): string | undefined {
  if (/[\r\n]/.test(value)) return 'a line break'
  if (value.includes('\0')) return 'a NUL character'
  if ([...value].some((char) => char.codePointAt(0)! > 0xff)) return 'a character outside Latin-1'
  return undefined
}

/** Header names are RFC 9110 tokens. */
export const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/
