import type { ClientConfig } from '../../core/client-config.js'
import type { ConfigFormat } from './config-format.js'
import { ConfigFormatError, renderJson } from './config-format.js'

/**
 * The harness's own ClientConfig as JSON: `{ transport, url, headers }`.
 *
 * @example
 * jsonFormat.render({ transport: 'sse', url: 'http://127.0.0.1:8001/sse', headers: {} }, 'ignored')
 */
export const jsonFormat: ConfigFormat = {
  name: 'json',
  description: 'plain ClientConfig: { transport: "streamable-http" | "sse", url, headers, oauthClientId? }',
  fileName: 'mcp-client-config.json',
  carriesOAuthClientId: true,
  render: renderJson((config) => ({
    transport: config.transport,
    url: config.url,
    headers: config.headers,
    ...(config.oauthClientId === undefined ? {} : { oauthClientId: config.oauthClientId }),
  })),
  read(value) {
    const v = value as Partial<ClientConfig> | null
    if (!v || (v.transport !== 'streamable-http' && v.transport !== 'sse'))
      throw new ConfigFormatError('$.transport', 'expected "streamable-http" or "sse"')
    if (typeof v.url !== 'string') throw new ConfigFormatError('$.url', 'expected a string')
    const headers = v.headers ?? {}
    if (typeof headers !== 'object' || Object.values(headers).some((h) => typeof h !== 'string')) {
      throw new ConfigFormatError('$.headers', 'expected an object of string values')
    }
    if (v.oauthClientId !== undefined && typeof v.oauthClientId !== 'string')
      throw new ConfigFormatError('$.oauthClientId', 'expected a string')
    const clientId = v.oauthClientId === undefined ? {} : { oauthClientId: v.oauthClientId }
    return [{ name: 'default', config: { transport: v.transport, url: v.url, headers, ...clientId } }]
  },
}
