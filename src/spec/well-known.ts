/**
 * Where OAuth discovery documents live: one reading of RFC 9728 §3.1, RFC 8414 §3.1, OpenID
 * Connect Discovery §4 and MCP 2025-11-25 "Authorization › Protected Resource Metadata Discovery
 * Requirements" / "Authorization Server Metadata Discovery", shared by the mock servers, the
 * properties, the faulty clients and the reports, so a misreading cannot pass silently in one and
 * be caught in the other.
 *
 * The mock servers follow these rules except where a scenario breaks one on purpose (a PRM only at
 * the root or at a custom URL, a PRM naming another resource, metadata without PKCE support): each
 * such place in `src/scenario/` is a scenario dimension and says so in a "Deliberate deviation"
 * comment, and the properties always judge by the rules here.
 */

/** RFC 9728 §3: the well-known suffix of Protected Resource Metadata. */
export const PRM_WELL_KNOWN = '/.well-known/oauth-protected-resource'
/** RFC 8414 §3: the well-known suffix of OAuth Authorization Server Metadata. */
export const OAUTH_AS_WELL_KNOWN = '/.well-known/oauth-authorization-server'
/** OpenID Connect Discovery 1.0 §4: the well-known suffix of OpenID Provider metadata. */
export const OPENID_WELL_KNOWN = '/.well-known/openid-configuration'

/** The path of a URL without trailing slashes; '' for the root. */
function pathOf(url: URL): string {
  return url.pathname.replace(/\/+$/, '')
}

/**
 * The well-known PRM URLs for an MCP server URL, in the order a client tries them (MCP 2025-11-25:
 * path-inserted first, RFC 9728 §3.1, then the root; the path insertion is skipped at the root).
 *
 * @example
 * prmWellKnownUrls('https://x.example/mcp') // ['https://x.example/.well-known/oauth-protected-resource/mcp', 'https://x.example/.well-known/oauth-protected-resource']
 */
export function prmWellKnownUrls(mcpUrl: string): string[] {
  const url = new URL(mcpUrl)
  const root = `${url.origin}${PRM_WELL_KNOWN}`
  const path = pathOf(url)
  return path ? [`${root}${path}`, root] : [root]
}

/**
 * The AS metadata URLs for an issuer, in the MCP 2025-11-25 priority order: for an issuer with a
 * path, RFC 8414 path insertion, OIDC path insertion, then OIDC path appending; for one without,
 * RFC 8414 then OIDC.
 *
 * @example
 * asMetadataUrls('https://as.example/tenant1')[0] // 'https://as.example/.well-known/oauth-authorization-server/tenant1'
 */
export function asMetadataUrls(issuer: string): string[] {
  const url = new URL(issuer)
  const path = pathOf(url)
  return path
    ? [
        `${url.origin}${OAUTH_AS_WELL_KNOWN}${path}`,
        `${url.origin}${OPENID_WELL_KNOWN}${path}`,
        `${url.origin}${path}${OPENID_WELL_KNOWN}`,
      ]
    : [`${url.origin}${OAUTH_AS_WELL_KNOWN}`, `${url.origin}${OPENID_WELL_KNOWN}`]
}

/**
 * Whether a client's request is for the well-known URL `expected`. RFC 9728 §3.1 (after RFC 8414
 * §3.1) says a "terminating slash" is removed, and SDKs read it two ways for a path that ends in
 * one (`/mcp/`): the TypeScript SDK drops it, the Python SDK keeps it. Both readings are accepted,
 * so neither is blamed for the spec's ambiguity.
 *
 * @example
 * isWellKnownLocation('https://x/.well-known/oauth-protected-resource/mcp/', 'https://x/.well-known/oauth-protected-resource/mcp') // true
 */
export function isWellKnownLocation(requested: string, expected: string): boolean {
  return requested === expected || requested === `${expected}/`
}

/** The locations a server serves a well-known document at, so either reading of a terminating slash finds it. */
export function wellKnownVariants(url: string, resourcePath: string): string[] {
  return resourcePath.length > 1 && resourcePath.endsWith('/') ? [url, `${url}/`] : [url]
}

/** Whether a URL path asks for Protected Resource Metadata at a well-known location (any placement). */
export function isPrmPath(path: string): boolean {
  return path.includes(PRM_WELL_KNOWN)
}

/** Whether a URL path asks for AS metadata (RFC 8414 or OpenID) at a well-known location, in any placement. */
export function isAsMetadataPath(path: string): boolean {
  return path.includes(OAUTH_AS_WELL_KNOWN) || path.includes(OPENID_WELL_KNOWN)
}

/** Every discovery well-known suffix: a request for any of them is OAuth discovery. */
export const DISCOVERY_WELL_KNOWN: readonly string[] = [PRM_WELL_KNOWN, OAUTH_AS_WELL_KNOWN, OPENID_WELL_KNOWN]
