import type { ConfigFormat } from './config-format.js'
import { readServerMap, renderJson } from './config-format.js'

/**
 * Cursor's `mcp.json`: `mcpServers`, `url`, `headers`, no transport field (Cursor negotiates it).
 * Read back, a URL whose path ends in `/sse` is taken as HTTP+SSE, any other as Streamable HTTP.
 *
 * @example
 * cursorFormat.render({ transport: 'streamable-http', url: 'https://scraper.example/mcp', headers: { 'X-Api-Key': 'k' } }, 's')
 * // { mcpServers: { s: { url: 'https://scraper.example/mcp', headers: { 'X-Api-Key': 'k' } } } }
 */
export const cursorFormat: ConfigFormat = {
  name: 'cursor',
  description: 'Cursor mcp.json: mcpServers.<name> = { url, headers } (transport negotiated by the client)',
  fileName: 'mcp.json',
  render: renderJson((config, serverName) => ({ mcpServers: { [serverName]: { url: config.url, headers: config.headers } } })),
  read: (value) =>
    readServerMap(value, 'mcpServers', (entry) =>
      /\/sse\/?$/.test(new URL(String(entry.url)).pathname) ? 'sse' : 'streamable-http',
    ),
}
