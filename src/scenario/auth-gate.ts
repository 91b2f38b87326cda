import type { Scenario } from './scenario.js'

/** Path-inserted Protected Resource Metadata URL for the endpoint (RFC 9728 §3.1). */
export function resourceMetadataUrl(scenario: Scenario): string {
  const path = scenario.endpointPath === '/' ? '' : scenario.endpointPath.replace(/\/$/, '')
  return `${scenario.origin}/.well-known/oauth-protected-resource${path}`
}

/**
 * The challenge the server answers when the request lacks the required credential,
 * or undefined when the request may pass.
 */
export function challengeFor(scenario: Scenario, request: Request): Response | undefined {
  const { auth } = scenario
  if (auth.kind === 'none') return undefined
  if (request.headers.get(auth.header) === auth.value) return undefined
  const body = JSON.stringify({ detail: 'Missing or invalid credentials' })
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  switch (auth.challenge) {
    case 'bearer-resource-metadata':
      headers['www-authenticate'] = `Bearer resource_metadata="${resourceMetadataUrl(scenario)}"`
      break
    case 'bearer-bare':
      headers['www-authenticate'] = 'Bearer'
      break
    case 'non-bearer':
      headers['www-authenticate'] = 'ApiKey realm="mcp"'
      break
    case 'no-www-authenticate':
      break
    case 'forbidden':
      return new Response(body, { status: 403, headers })
  }
  return new Response(body, { status: 401, headers })
}
