// A built-in client (or an installable SDK client) as a command: `node dist/bench/builtin-client-command.js NAME URL`. The server URL
// is the last argument: the contract of the official conformance suite's client scenarios, and of
// this harness's `cmd:` clients (URL appended). It runs the client's standard session outside any
// interception, so it talks to whatever real server is at URL. A client the suite pre-registered
// arrives in MCP_CONFORMANCE_CONTEXT (its id and secret, as a user's settings would hold them), one
// the harness's config names in MCP_OAUTH_CLIENT_ID.
import { HeadlessOAuthProvider } from '../src/clients/headless-oauth-provider.js'
import { clientByName } from '../src/clients/registry.js'
import { findInstallable } from '../src/clients/provision/installable-clients.js'
import { installedClient } from '../src/clients/provision/provision.js'
import type { ClientConfig, GrantCredentials } from '../src/core/client-config.js'

/**
 * The config an extension scenario of the suite asks for, from its context: client credentials
 * (a secret or a private key), enterprise-managed (an IdP ID token), workload identity (a JWT), or
 * DPoP (no context; the scenario's name says it).
 */
function extensionConfig(context: Record<string, string | undefined>): { grant?: GrantCredentials; dpop?: boolean } {
  const id = context.client_id ?? ''
  // The scenario's name: in its context when it has one, else in MCP_CONFORMANCE_SCENARIO.
  switch (context.name ?? process.env.MCP_CONFORMANCE_SCENARIO) {
    case 'auth/client-credentials-basic':
      return { grant: { grant: 'client-credentials-basic', clientId: id, clientSecret: context.client_secret ?? '' } }
    case 'auth/client-credentials-jwt':
      return {
        grant: { grant: 'client-credentials-jwt', clientId: id, privateKeyPem: context.private_key_pem ?? '', signingAlg: context.signing_algorithm ?? 'ES256' },
      }
    case 'auth/enterprise-managed-authorization':
      return {
        grant: {
          grant: 'enterprise-managed',
          clientId: id,
          clientSecret: context.client_secret ?? '',
          idpTokenEndpoint: context.idp_token_endpoint ?? '',
          idpClientId: context.idp_client_id ?? '',
          idToken: context.idp_id_token ?? '',
        },
      }
    case 'auth/wif-jwt-bearer':
      return { grant: { grant: 'workload-identity', clientId: id, assertion: context.valid_jwt ?? '' } }
    case 'auth/dpop':
    case 'auth/dpop-nonce':
      return { dpop: true }
    default:
      return {}
  }
}

const [name, url] = process.argv.slice(2).slice(-2)
if (!name || !url || !/^https?:\/\//.test(url)) {
  console.error('usage: builtin-client-command NAME URL   (a built-in client; the MCP server URL is the last argument)')
  process.exit(2)
}
const context = JSON.parse(process.env.MCP_CONFORMANCE_CONTEXT ?? '{}') as Record<string, string | undefined>
const clientId = context.client_id ?? process.env.MCP_OAUTH_CLIENT_ID
const secret = context.client_secret
/** The grant an authorization-extension scenario hands its client (by the context it gives), told as a config would. */
const extension = extensionConfig(context)
if (secret && !extension.grant) {
  // The suite's confidential pre-registered client: the secret goes with the id it pre-registered.
  const clientInformation = HeadlessOAuthProvider.prototype.clientInformation
  HeadlessOAuthProvider.prototype.clientInformation = function (this: HeadlessOAuthProvider, ctx?: { issuer?: string }) {
    const info = clientInformation.call(this, ctx)
    return info && info.client_id === clientId ? { ...info, client_secret: secret } : info
  }
}

const installable = findInstallable(name)
const client = installable
  ? await installedClient(installable.client, installable.version, { withoutOAuth: installable.withoutOAuth })
  : clientByName(name)
const transport = client.transports[0]!
// An installed SDK's adapter reads the suite's context itself (id and secret); naming the id in the
// config too would hand it MCP_OAUTH_CLIENT_ID without the secret, which it would take first.
const named = clientId && !extension.grant && !(installable && process.env.MCP_CONFORMANCE_CONTEXT) ? { oauthClientId: clientId } : {}
// A client that cannot be told the extension runs as it is (the suite then fails it: not its fault).
const told = {
  ...(extension.grant && client.grants?.includes(extension.grant.grant) ? { grant: extension.grant.grant, credentials: extension.grant } : {}),
  ...(extension.dpop && client.dpop ? { dpop: true } : {}),
}
const config: ClientConfig = { transport, url, headers: {}, ...named, ...told }
try {
  // An installed SDK runs as a process of its own: the suite's context goes on to its adapter.
  const env = process.env.MCP_CONFORMANCE_CONTEXT ? { MCP_CONFORMANCE_CONTEXT: process.env.MCP_CONFORMANCE_CONTEXT } : undefined
  await client.run(config, { signal: new AbortController().signal, reportProcess: () => undefined, ...(env ? { env } : {}) })
  process.exit(0)
} catch (error) {
  console.error(`session failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
