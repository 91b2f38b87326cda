import type { ConfigFormat } from './config-format.js'
import { ConfigFormatError, readServerMap, renderJson } from './config-format.js'

/**
 * Claude Code's `.mcp.json` (and Claude Desktop's): `mcpServers`, `type: "http" | "sse"`, `url`, `headers`.
 *
 * @example
 * claudeFormat.render({ transport: 'sse', url: 'https://api.example.com/mcp/sse', headers: {} }, 'remote-api')
 * // { mcpServers: { 'remote-api': { type: 'sse', url: 'https://api.example.com/mcp/sse', headers: {} } } }
 */
export const claudeFormat: ConfigFormat = {
  name: 'claude',
  description: 'Claude Code .mcp.json: mcpServers.<name> = { type: "http" | "sse", url, headers }',
  fileName: '.mcp.json',
  carriesOAuthClientId: true,
  render: renderJson((config, serverName) => ({
    mcpServers: {
      [serverName]: {
        type: config.transport === 'sse' ? 'sse' : 'http',
        url: config.url,
        headers: config.headers,
        // Claude Code's pre-configured OAuth client (`oauth.clientId`).
        ...(config.oauthClientId === undefined ? {} : { oauth: { clientId: config.oauthClientId } }),
      },
    },
  })),
  read: (value) =>
    readServerMap(value, 'mcpServers', (entry, path) => {
      if (entry.type === 'http') return 'streamable-http'
      if (entry.type === 'sse') return 'sse'
      if (entry.type === undefined || entry.type === 'stdio') return undefined
      throw new ConfigFormatError(`${path}.type`, `expected "http" or "sse", found ${JSON.stringify(entry.type)}`)
    }),
}
