import type { ConfigFormat } from './config-format.js'
import { ConfigFormatError, readServerMap, renderJson } from './config-format.js'

/**
 * The MCP Inspector's `--config` file: `mcpServers`, `type: "streamable-http" | "sse"`, `url`, `headers`.
 *
 * @example
 * inspectorFormat.render({ transport: 'sse', url: 'http://127.0.0.1:8001/sse', headers: {} }, 'harness')
 * // { mcpServers: { harness: { type: 'sse', url: 'http://127.0.0.1:8001/sse', headers: {} } } }
 */
export const inspectorFormat: ConfigFormat = {
  name: 'inspector',
  description: 'MCP Inspector --config: mcpServers.<name> = { type: "streamable-http" | "sse", url, headers }',
  fileName: 'mcp-inspector.json',
  render: renderJson((config, serverName) => ({
    mcpServers: { [serverName]: { type: config.transport, url: config.url, headers: config.headers } },
  })),
  read: (value) =>
    readServerMap(value, 'mcpServers', (entry, path) => {
      if (entry.type === 'streamable-http' || entry.type === 'sse') return entry.type
      if (entry.type === undefined || entry.type === 'stdio') return undefined
      throw new ConfigFormatError(`${path}.type`, `expected "streamable-http" or "sse", found ${JSON.stringify(entry.type)}`)
    }),
}
