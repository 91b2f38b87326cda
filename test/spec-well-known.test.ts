import { describe, expect, it } from 'vitest'
import { asMetadataUrls, isWellKnownLocation, prmWellKnownUrls } from '../src/spec/well-known.js'

describe('well-known locations (RFC 9728 §3.1, RFC 8414 §3.1, MCP 2025-11-25 order)', () => {
  it('PRM: path-inserted, then the root; only the slash right after the host is dropped', () => {
    expect(prmWellKnownUrls('https://x.example/mcp')).toEqual([
      'https://x.example/.well-known/oauth-protected-resource/mcp',
      'https://x.example/.well-known/oauth-protected-resource',
    ])
    expect(prmWellKnownUrls('https://x.example/')).toEqual(['https://x.example/.well-known/oauth-protected-resource'])
    expect(prmWellKnownUrls('https://x.example/mcp/')[0]).toBe('https://x.example/.well-known/oauth-protected-resource/mcp')
  })

  // Found by the Python SDK client: for /mcp/ it asks for .../oauth-protected-resource/mcp/ (it keeps
  // the path's trailing slash), the TypeScript SDK for .../mcp; the judge blamed the Python SDK.
  it('either reading of a terminating slash is the same location', () => {
    const expected = 'https://x.example/.well-known/oauth-protected-resource/mcp'
    expect(isWellKnownLocation(`${expected}/`, expected)).toBe(true)
    expect(isWellKnownLocation(expected, expected)).toBe(true)
    expect(isWellKnownLocation('https://x.example/.well-known/oauth-protected-resource', expected)).toBe(false)
  })

  it('AS metadata: RFC 8414, OpenID path-inserted, OpenID path-appended for an issuer with a path', () => {
    expect(asMetadataUrls('https://as.example/tenant1')).toEqual([
      'https://as.example/.well-known/oauth-authorization-server/tenant1',
      'https://as.example/.well-known/openid-configuration/tenant1',
      'https://as.example/tenant1/.well-known/openid-configuration',
    ])
    expect(asMetadataUrls('https://as.example')).toEqual([
      'https://as.example/.well-known/oauth-authorization-server',
      'https://as.example/.well-known/openid-configuration',
    ])
  })
})
