/** Every secret a redactor knows is at least this long (Redactor.MIN_SECRET_LENGTH): an index key's width. */
export const KEY_WIDTH = 4

/**
 * A hash of the KEY_WIDTH characters at `at`, to find many secrets in a text in one pass: index
 * each secret by the key of its start, look every position's key up, confirm a hit with `startsWith`
 * (a collision only costs that).
 *
 * @example
 * keyAt('Bearer abc', 7) === keyAt('abcdef', 0) // true
 */
export function keyAt(text: string, at: number): number {
  let hash = 0
  for (let i = 0; i < KEY_WIDTH; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(at + i)) | 0
  return hash
}
