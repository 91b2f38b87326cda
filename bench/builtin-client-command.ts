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

const [name, url] = process.argv.slice(2).slice(-2)
if (!name || !url || !/^https?:\/\//.test(url)) {
  console.error('usage: builtin-client-command NAME URL   (a built-in client; the MCP server URL is the last argument)')
  process.exit(2)
}
const context = JSON.parse(process.env.MCP_CONFORMANCE_CONTEXT ?? '{}') as { client_id?: string; client_secret?: string }
const clientId = context.client_id ?? process.env.MCP_OAUTH_CLIENT_ID
const secret = context.client_secret
if (secret) {
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
const named = clientId && !(installable && process.env.MCP_CONFORMANCE_CONTEXT) ? { oauthClientId: clientId } : {}
const config = { transport, url, headers: {}, ...named }
try {
  // An installed SDK runs as a process of its own: the suite's context goes on to its adapter.
  const env = process.env.MCP_CONFORMANCE_CONTEXT ? { MCP_CONFORMANCE_CONTEXT: process.env.MCP_CONFORMANCE_CONTEXT } : undefined
  await client.run(config, { signal: new AbortController().signal, reportProcess: () => undefined, ...(env ? { env } : {}) })
  process.exit(0)
} catch (error) {
  console.error(`session failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
