import { createHash } from 'node:crypto'

/**
 * A client name as part of a file or folder name: only letters, digits, `.`, `_` and `-` (a `cmd:`
 * name holds spaces, slashes and braces), at most `maxLength` characters. Names that could clean
 * or cut to the same text stay apart: a `cmd:` or `module:` name (free text), and any name that
 * had to be cut, end in a short hash of the whole name. Built-in names stay as they read.
 *
 * @example
 * safeFileName('faulty:drops-headers', 60) // 'faulty_drops-headers'
 * safeFileName('cmd:node my-client.js {url}', 60) // 'cmd_node_my-client.js_url-3f2a9c1e'
 */
export function safeFileName(text: string, maxLength: number): string {
  const cleaned = text.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '')
  if (cleaned.length <= maxLength && !/^(cmd|module):/.test(text)) return cleaned
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 8)
  return `${cleaned.slice(0, maxLength - hash.length - 1)}-${hash}`
}
