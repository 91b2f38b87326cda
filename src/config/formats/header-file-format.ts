import type { ConfigFormat } from './config-format.js'

/**
 * A header file, one `Name: value` per line (mcp-remote's `--header-file`): the headers only; the
 * URL goes on the command line (`{url}`).
 *
 * @example
 * headerFileFormat.render({ transport: 'sse', url: 'http://127.0.0.1:8001/sse', headers: { 'X-API-Key': 'k' } }, 'x')
 * // 'X-API-Key: k\n'
 */
export const headerFileFormat: ConfigFormat = {
  name: 'header-file',
  description: 'one "Name: value" line per header (mcp-remote --header-file); the URL comes from {url}',
  fileName: 'headers.txt',
  render: (config) =>
    Object.entries(config.headers)
      .map(([name, value]) => `${name}: ${value}\n`)
      .join(''),
}
