// A built-in client (or an installable SDK client) as a command: `node dist/bench/builtin-client-command.js NAME URL`
// (with MCP_SESSION_LOOP=1, `… NAME` and one session per line on stdin). The server URL
// is the last argument: the contract of the official conformance suite's client scenarios, and of
// this harness's `cmd:` clients (URL appended). It runs the client's standard session outside any
// interception, so it talks to whatever real server is at URL. A client the suite pre-registered
// arrives in MCP_CONFORMANCE_CONTEXT (its id and secret, as a user's settings would hold them), one
// the harness's config names in MCP_OAUTH_CLIENT_ID.
import { HeadlessOAuthProvider } from '../src/clients/headless-oauth-provider.js'
import { clientByName } from '../src/resolve/known-clients.js'
import { findInstallable } from '../src/clients/provision/installable-clients.js'
import { installedClient } from '../src/clients/provision/provision.js'
import type { ClientConfig, GrantCredentials } from '../src/core/client-config.js'
import type { ClientUnderTest } from '../src/clients/client-under-test.js'
import { createInterface } from 'node:readline'

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
        grant: {
          grant: 'client-credentials-jwt',
          clientId: id,
          privateKeyPem: context.private_key_pem ?? '',
          signingAlg: context.signing_algorithm ?? 'ES256',
        },
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

/** One session of `client` at `url`, told what the environment says now (the suite's context, a pre-registered client). */
async function session(client: ClientUnderTest, installed: boolean, url: string): Promise<void> {
  const context = JSON.parse(process.env.MCP_CONFORMANCE_CONTEXT ?? '{}') as Record<string, string | undefined>
  const clientId = context.client_id ?? process.env.MCP_OAUTH_CLIENT_ID
  /** The grant an authorization-extension scenario hands its client (by the context it gives), told as a config would. */
  const extension = extensionConfig(context)
  confidential = context.client_secret && !extension.grant ? { clientId, secret: context.client_secret } : undefined
  // An installed SDK's adapter reads the suite's context itself (id and secret); naming the id in the
  // config too would hand it MCP_OAUTH_CLIENT_ID without the secret, which it would take first.
  const named =
    clientId && !extension.grant && !(installed && process.env.MCP_CONFORMANCE_CONTEXT) ? { oauthClientId: clientId } : {}
  // A client that cannot be told the extension runs as it is (the suite then fails it: not its fault).
  const told = {
    ...(extension.grant && client.grants?.includes(extension.grant.grant)
      ? { grant: extension.grant.grant, credentials: extension.grant }
      : {}),
    ...(extension.dpop && client.dpop ? { dpop: true } : {}),
  }
  const config: ClientConfig = {
    transport: client.transports[0]!,
    url,
    headers: JSON.parse(process.env.MCP_HEADERS || '{}'),
    ...named,
    ...told,
  }
  // An installed SDK runs as a process of its own: the suite's context goes on to its adapter.
  const env = process.env.MCP_CONFORMANCE_CONTEXT ? { MCP_CONFORMANCE_CONTEXT: process.env.MCP_CONFORMANCE_CONTEXT } : undefined
  await client.run(config, { signal: new AbortController().signal, reportProcess: () => undefined, ...(env ? { env } : {}) })
}

/** The suite's confidential pre-registered client of the session running: its secret goes with the id it pre-registered. */
let confidential: { clientId: string | undefined; secret: string } | undefined
const clientInformation = HeadlessOAuthProvider.prototype.clientInformation
HeadlessOAuthProvider.prototype.clientInformation = function (this: HeadlessOAuthProvider, ctx?: { issuer?: string }) {
  const info = clientInformation.call(this, ctx)
  return info && confidential && info.client_id === confidential.clientId ? { ...info, client_secret: confidential.secret } : info
}

const loop = process.env.MCP_SESSION_LOOP === '1'
const [name, url] = loop ? [process.argv.at(-1), 'http://loop'] : process.argv.slice(2).slice(-2)
if (!name || !url || !/^https?:\/\//.test(url)) {
  console.error('usage: builtin-client-command NAME URL   (a built-in client; the MCP server URL is the last argument)')
  process.exit(2)
}
const installable = findInstallable(name)
const client = installable
  ? await installedClient(installable.client, installable.version, { withoutOAuth: installable.withoutOAuth })
  : clientByName(name)
if (loop) {
  // MCP_SESSION_LOOP=1: the session-loop contract (src/clients/session-loop.ts), one session per line.
  console.log(JSON.stringify({ ready: true }))
  let previous: string[] = []
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (!line.trim()) continue
    const request = JSON.parse(line) as { session: number; url: string; env?: Record<string, string> }
    const env = request.env ?? {}
    for (const variable of previous) if (!(variable in env)) delete process.env[variable]
    Object.assign(process.env, env)
    previous = Object.keys(env)
    const answer = await session(client, installable !== undefined, request.url).then(
      () => ({ session: request.session, ok: true }),
      (error: unknown) => ({
        session: request.session,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      }),
    )
    console.log(JSON.stringify(answer))
  }
  process.exit(0)
}
try {
  await session(client, installable !== undefined, url)
  process.exit(0)
} catch (error) {
  console.error(`session failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
