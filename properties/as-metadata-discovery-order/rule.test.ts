import { describe, expect, it } from 'vitest'
import { asMetadataDiscoveryOrder } from './property.js'
import { config, trialOf } from '../../test/helpers/trials.js'

const prm = (resource: string) =>
  JSON.stringify({ resource, authorization_servers: ['http://as.test'], scopes_supported: ['mcp:read'] })

describe('as-metadata-discovery-order', () => {
  // go-sdk 1.8.0 rejected a PRM naming another resource, then probed the MCP origin (its legacy
  // fallback); the issuer of a PRM it had to reject is not one it should have probed.
  it('judges the order only for the issuer of a PRM whose resource is this server, once the client turned to it', () => {
    const probes = [
      { method: 'GET', url: 'http://mcp.test/.well-known/oauth-authorization-server', status: 404 },
      { method: 'GET', url: 'http://mcp.test/.well-known/openid-configuration', status: 404 },
    ]
    const mismatched = trialOf(config(), [
      {
        method: 'GET',
        url: 'http://mcp.test/.well-known/oauth-protected-resource/mcp',
        status: 200,
        responseBody: prm('https://elsewhere.example/mcp'),
      },
      ...probes,
    ])
    expect(asMetadataDiscoveryOrder.exercised(mismatched)).toBe(false)
    const matching = trialOf(config(), [
      {
        method: 'GET',
        url: 'http://mcp.test/.well-known/oauth-protected-resource/mcp',
        status: 200,
        responseBody: prm('http://mcp.test/mcp'),
      },
      ...probes,
    ])
    // Probing only the MCP origin: the client set this issuer aside (go-sdk 1.8.0 with a root PRM).
    expect(asMetadataDiscoveryOrder.exercised(matching)).toBe(false)
    const turned = trialOf(config(), [
      {
        method: 'GET',
        url: 'http://mcp.test/.well-known/oauth-protected-resource/mcp',
        status: 200,
        responseBody: prm('http://mcp.test/mcp'),
      },
      { method: 'GET', url: 'http://as.test/.well-known/openid-configuration', status: 404 },
      { method: 'GET', url: 'http://as.test/.well-known/oauth-authorization-server', status: 200 },
    ])
    expect(asMetadataDiscoveryOrder.exercised(turned)).toBe(true)
    expect(asMetadataDiscoveryOrder.check(turned).map((v) => v.exchange)).toContain(2)
  })
})

describe('as-metadata-discovery-order: what each message names', () => {
  it('after a skipped location, the next message names the location after the one the client took', () => {
    const trial = trialOf(config(), [
      {
        method: 'GET',
        url: 'http://mcp.test/.well-known/oauth-protected-resource/mcp',
        status: 200,
        responseBody: prm('http://mcp.test/mcp'),
      },
      // An issuer without a path: RFC 8414 first, then OIDC. The client asks OIDC first, then goes on past the end.
      { method: 'GET', url: 'http://as.test/.well-known/openid-configuration', status: 404 },
      { method: 'GET', url: 'http://as.test/.well-known/oauth-authorization-server/extra', status: 404 },
    ])
    const messages = asMetadataDiscoveryOrder.check(trial).map((v) => v.message)
    expect(messages).toEqual([
      'request #2 GET http://as.test/.well-known/openid-configuration broke the AS metadata discovery order (expected http://as.test/.well-known/oauth-authorization-server)',
      'request #3 GET http://as.test/.well-known/oauth-authorization-server/extra broke the AS metadata discovery order (expected no further request: every location on the list had been asked)',
    ])
  })
})
