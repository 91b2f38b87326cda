/**
 * `NAME` or `NAME@VERSION` split; the version is whatever follows the last `@` after the first
 * character (so a scoped `@scope/name` keeps its `@`). One rule for client names everywhere:
 * installing, and matching a versioned client with the entries and files of its name.
 *
 * @example
 * splitVersionedName('python-sdk@1.0.0') // { name: 'python-sdk', version: '1.0.0' }
 */
export function splitVersionedName(text: string): { name: string; version?: string } {
  const at = text.lastIndexOf('@')
  return at > 0 ? { name: text.slice(0, at), version: text.slice(at + 1) } : { name: text }
}
