import { spec, type Property, type Violation } from '../../src/property/property.js'
import type { Trial } from '../../src/core/trial.js'
import { jsonObject } from '../../src/core/json.js'
import { authorizeRequests, registeredClients } from '../../src/traffic/oauth-flow.js'

const ID = 'redirect-uri-registered'

/** Whether a redirect URI is one the spec allows: https, or http to this machine (a loopback callback). */
function allowedScheme(uri: string): boolean {
  try {
    const url = new URL(uri)
    if (url.protocol === 'https:') return true
    return url.protocol === 'http:' && ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname)
  } catch {
    return false
  }
}

/** The redirect URIs each dynamically registered client id was registered with. */
function registeredRedirects(trial: Trial): Map<string, string[]> {
  const byClient = new Map<string, string[]>()
  for (const { exchange, clientId } of registeredClients(trial)) {
    const uris = jsonObject(exchange.requestBody)?.redirect_uris
    byClient.set(clientId, Array.isArray(uris) ? uris.filter((uri): uri is string => typeof uri === 'string') : [])
  }
  return byClient
}

/**
 * Every authorization request's redirect_uri is https or a loopback http URI, and, for a client id
 * the client registered dynamically in the session, one of the redirect URIs it registered.
 */
export const redirectUriRegistered: Property = {
  id: ID,
  statement:
    "Every authorization request's redirect_uri is https or loopback http, and for a dynamically registered client one of the redirect_uris it registered.",
  source: spec('2025-06-18', 'Authorization › Security Considerations › Open Redirection; Communication Security'),
  level: 'MUST',
  exercised: (trial) => authorizeRequests(trial).length > 0,
  check(trial: Trial): Violation[] {
    const registered = registeredRedirects(trial)
    for (const exchange of authorizeRequests(trial)) {
      const params = new URL(exchange.url).searchParams
      const uri = params.get('redirect_uri') ?? ''
      const clientId = params.get('client_id') ?? ''
      const uris = registered.get(clientId)
      const problem = !allowedScheme(uri)
        ? `has redirect_uri "${uri}", neither https nor a loopback http URI`
        : uris && !uris.includes(uri)
          ? // Not the client id: the server draws it, and a counterexample's message must read the same on every replay.
            `has redirect_uri "${uri}", not one the client registered (${uris.join(', ') || 'none'})`
          : undefined
      if (problem) return [{ property: ID, exchange: exchange.seq, message: `authorization request #${exchange.seq} ${problem}` }]
    }
    return []
  },
}
