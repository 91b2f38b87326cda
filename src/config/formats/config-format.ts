import type { ClientConfig } from '../../core/client-config.js'
import { InputError } from '../../core/errors.js'

/**
 * A client's own config file format: how a ClientConfig is written for it (so a command client
 * reads its servers from a real file), and read back.
 */
export interface ConfigFormat {
  name: string
  description: string
  /** The file name the client looks for, for the temporary file a trial writes. */
  fileName: string
  /** Whether the format can name a pre-registered OAuth client id (`config.oauthClientId`). */
  carriesOAuthClientId?: boolean
  /** The file's text for one server. */
  render(config: ClientConfig, serverName: string): string
  /**
   * Every HTTP server in a parsed file, in file order; throws ConfigFormatError naming the path of
   * a bad entry. Absent for formats that hold no URL (a header file).
   */
  read?(value: unknown): Array<{ name: string; config: ClientConfig }>
}

/** `render` for JSON formats: two-space JSON of the object a format builds. */
export function renderJson(build: (config: ClientConfig, serverName: string) => unknown) {
  return (config: ClientConfig, serverName: string): string => `${JSON.stringify(build(config, serverName), null, 2)}\n`
}

/** A config file that does not fit its format: the JSON path and what is wrong there. */
export class ConfigFormatError extends InputError {
  override name = 'ConfigFormatError'
  constructor(
    readonly jsonPath: string,
    problem: string,
  ) {
    super(`${jsonPath}: ${problem}`)
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Reads `{ [key]: { [name]: { …, url, headers } } }`, keeping entries with a URL (remote servers). */
export function readServerMap(
  value: unknown,
  key: string,
  transportOf: (entry: Record<string, unknown>, path: string) => ClientConfig['transport'] | undefined,
): Array<{ name: string; config: ClientConfig }> {
  if (!isObject(value) || !isObject(value[key])) throw new ConfigFormatError(`$.${key}`, 'expected an object of servers')
  const servers: Array<{ name: string; config: ClientConfig }> = []
  for (const [name, entry] of Object.entries(value[key])) {
    const path = `$.${key}[${JSON.stringify(name)}]`
    if (!isObject(entry)) throw new ConfigFormatError(path, 'expected a server object')
    if (entry.url === undefined) continue // a stdio server: not an HTTP client config
    if (typeof entry.url !== 'string') throw new ConfigFormatError(`${path}.url`, 'expected a string')
    const headers = entry.headers ?? {}
    if (!isObject(headers) || Object.values(headers).some((v) => typeof v !== 'string')) {
      throw new ConfigFormatError(`${path}.headers`, 'expected an object of string values')
    }
    const transport = transportOf(entry, path)
    if (transport === undefined) continue
    // Claude Code's pre-configured OAuth client: `oauth: { clientId }`.
    const clientId =
      isObject(entry.oauth) && typeof entry.oauth.clientId === 'string' ? { oauthClientId: entry.oauth.clientId } : {}
    servers.push({ name, config: { transport, url: entry.url, headers: headers as Record<string, string>, ...clientId } })
  }
  return servers
}
