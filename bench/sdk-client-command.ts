// A small SDK-based MCP client command for benchmarks: `node dist/bench/sdk-client-command.js URL`.
// The server URL is the last argument: the contract of the official conformance suite's client
// scenarios, and of this harness's `cmd:` clients (URL appended). It runs the v1 SDK's Streamable
// HTTP session with the headless OAuth provider; a client id the conformance suite pre-registered
// arrives in MCP_CONFORMANCE_CONTEXT, one the harness's config names in MCP_OAUTH_CLIENT_ID.
import { HeadlessOAuthProvider } from '../src/clients/headless-oauth-provider.js'
import { runSdkSession } from '../src/clients/sdk-session.js'

const url = process.argv.at(-1)
if (!url || !/^https?:\/\//.test(url)) {
  console.error('usage: sdk-client-command URL   (the MCP server URL is the last argument)')
  process.exit(2)
}
const context = JSON.parse(process.env.MCP_CONFORMANCE_CONTEXT ?? '{}') as { client_id?: string; client_secret?: string }
const clientId = context.client_id ?? process.env.MCP_OAUTH_CLIENT_ID

/** The headless provider, plus the secret of a confidential pre-registered client. */
class Provider extends HeadlessOAuthProvider {
  override clientInformation(ctx?: { issuer?: string }) {
    const info = super.clientInformation(ctx)
    return info && context.client_secret ? { ...info, client_secret: context.client_secret } : info
  }
}

const config = { transport: 'streamable-http' as const, url, headers: {}, ...(clientId ? { oauthClientId: clientId } : {}) }
try {
  await runSdkSession(
    config,
    { signal: new AbortController().signal, reportProcess: () => undefined },
    {
      headers: {},
      authProvider: new Provider(config),
    },
  )
  process.exit(0)
} catch (error) {
  console.error(`session failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
