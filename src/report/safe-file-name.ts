/**
 * A client name as part of a file or folder name: only letters, digits, `.`, `_` and `-` (a `cmd:`
 * name holds spaces, slashes and braces), at most `maxLength` characters.
 *
 * @example
 * safeFileName('cmd:node my-client.js {url}', 60) // 'cmd_node_my-client.js_url'
 */
export function safeFileName(text: string, maxLength: number): string {
  return text
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, maxLength)
}
