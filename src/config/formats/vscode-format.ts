import type { ConfigFormat } from './config-format.js'
import { ConfigFormatError, readServerMap, renderJson } from './config-format.js'

/**
 * VS Code's `.vscode/mcp.json`: `servers`, `type: "http" | "sse"`, `url`, `headers` (plus optional `inputs`).
 *
 * @example
 * vscodeFormat.render({ transport: 'streamable-http', url: 'https://api.example.com/mcp', headers: {} }, 'api')
 * // { servers: { api: { type: 'http', url: 'https://api.example.com/mcp', headers: {} } } }
 */
export const vscodeFormat: ConfigFormat = {
  name: 'vscode',
  description: 'VS Code .vscode/mcp.json: servers.<name> = { type: "http" | "sse", url, headers }',
  fileName: 'mcp.json',
  render: renderJson((config, serverName) => ({
    servers: { [serverName]: { type: config.transport === 'sse' ? 'sse' : 'http', url: config.url, headers: config.headers } },
  })),
  read: (value) =>
    readServerMap(value, 'servers', (entry, path) => {
      if (entry.type === 'http') return 'streamable-http'
      if (entry.type === 'sse') return 'sse'
      if (entry.type === undefined || entry.type === 'stdio') return undefined
      throw new ConfigFormatError(`${path}.type`, `expected "http" or "sse", found ${JSON.stringify(entry.type)}`)
    }),
}
