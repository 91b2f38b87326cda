// The TypeScript SDK v1 (`@modelcontextprotocol/sdk` on npm) at any release, as a `cmd:` client of
// mcp-auth-harness. It is copied into the release's install folder, so the bare imports below
// resolve to that release.
//
// The command contract: the MCP server URL is the last argument; MCP_TRANSPORT, MCP_HEADERS (the
// configured headers as JSON), MCP_OAUTH_CLIENT_ID (a pre-registered client), MCP_OAUTH (`none`:
// no OAuth support, as an app without it) and BROWSER (the headless browser that follows an
// authorization URL's redirects) come in the environment. It runs the standard session as the
// SDK's documentation shows apps doing: headers in `requestInit`, an OAuthClientProvider, and on
// UnauthorizedError `transport.finishAuth(code)` and a new connection (twice at most); then
// initialize, tools/list, up to three tools/call, held open MCP_KEEP_OPEN_MS (if set), DELETE of the
// session (Streamable HTTP), close. Exit 0
// completed, 1 failed (error on stderr).
// With MCP_SESSION_LOOP=1 it runs many sessions instead, one per line on stdin (`sessionLoop`).
//
// What a release has is looked up, not assumed: SSE (with its own EventSource) from 1.4, OAuth from
// 1.6, Streamable HTTP from 1.10.
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { createServer } from 'node:http'

const { Client } = await import('@modelcontextprotocol/sdk/client/index.js')
const { SSEClientTransport } = await import('@modelcontextprotocol/sdk/client/sse.js')
const streamable = await import('@modelcontextprotocol/sdk/client/streamableHttp.js').catch(() => undefined)
const auth = await import('@modelcontextprotocol/sdk/client/auth.js').catch(() => undefined)

/**
 * A loopback server for the authorization redirect (RFC 8252 §7.3). `nextCode()` resolves with the
 * next code not yet taken: a second authorization's code, never the first one again (which the
 * authorization server has already redeemed, and whose verifier the provider no longer holds).
 */
async function callbackServer(states) {
  const codes = []
  const waiting = []
  const server = createServer((request, response) => {
    const query = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams
    response.end('ok')
    const code = query.get('code')
    // A callback whose state this session never sent is not its own (an injected one): its code is
    // never redeemed. Releases that never ask the provider for a state send none to check.
    if (!code || (states.size > 0 && !states.has(query.get('state')))) return
    const waiter = waiting.shift()
    if (waiter) waiter(code)
    else codes.push(code)
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    uri: `http://127.0.0.1:${server.address().port}/callback`,
    nextCode: () => (codes.length > 0 ? Promise.resolve(codes.shift()) : new Promise((resolve) => waiting.push(resolve))),
    close: () => server.close(),
  }
}

/** An OAuth client provider holding this session's state only: every trial starts unauthorized. */
function provider(redirectUrl, states) {
  // Not named `state`: later releases call provider.state() for the OAuth state parameter.
  const held = { verifier: '', tokens: undefined, client: undefined, discovery: undefined, opened: undefined }
  // A client the user pre-registered is known from the start, as apps load it from settings.
  const preregistered = process.env.MCP_OAUTH_CLIENT_ID
  return {
    held,
    get redirectUrl() {
      return redirectUrl
    },
    // A Client ID Metadata Document URL, used by releases that know them where the server takes one.
    get clientMetadataUrl() {
      return 'https://client.mcp-auth-harness.test/oauth/client-metadata.json'
    },
    get clientMetadata() {
      return {
        client_name: 'mcp-auth-harness ts-sdk client',
        redirect_uris: [redirectUrl],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: 'none',
      }
    },
    // A fresh state per authorization request (RFC 6749 §10.12), which the callback server checks.
    state: () => {
      const state = randomUUID()
      states.add(state)
      return state
    },
    clientInformation: () => held.client ?? (preregistered ? { client_id: preregistered } : undefined),
    saveClientInformation: (client) => void (held.client = client),
    tokens: () => held.tokens,
    saveTokens: (tokens) => void (held.tokens = tokens),
    saveCodeVerifier: (verifier) => void (held.verifier = verifier),
    codeVerifier: () => held.verifier,
    // What the in-process adapter's provider does too (src/clients/headless-oauth-provider.ts), so a
    // release run out of process meets the same provider: discovery state kept in memory, and what
    // the authorization server refused forgotten (releases that call invalidateCredentials on
    // invalid_grant, invalid_client, …); a client the user pre-registered is configuration and stays.
    saveDiscoveryState: (discovery) => void (held.discovery = discovery),
    discoveryState: () => held.discovery,
    invalidateCredentials: (scope) => {
      if (scope === 'all' || scope === 'client') held.client = undefined
      if (scope === 'all' || scope === 'tokens') held.tokens = undefined
      if (scope === 'all' || scope === 'verifier') held.verifier = ''
      if (scope === 'all' || scope === 'discovery') held.discovery = undefined
    },
    redirectToAuthorization: (authorizationUrl) => {
      held.opened = new Promise((resolve, reject) => {
        const browser = process.env.BROWSER
        if (!browser) return reject(new Error('no BROWSER in the environment to open the authorization URL with'))
        spawn(browser, [authorizationUrl.toString()], { stdio: 'ignore' }).on('exit', resolve).on('error', reject)
      })
    },
  }
}

function transport(url, oauth) {
  const headers = JSON.parse(process.env.MCP_HEADERS || '{}')
  const transportName = process.env.MCP_TRANSPORT || 'streamable-http'
  const options = { requestInit: { headers }, ...(oauth ? { authProvider: oauth } : {}) }
  if (transportName === 'sse') return new SSEClientTransport(new URL(url), options)
  if (!streamable) throw new Error('this release has no Streamable HTTP client (it came in 1.10.0)')
  return new streamable.StreamableHTTPClientTransport(new URL(url), options)
}

/** A call's arguments: each top-level parameter's first JSON Schema `examples` value (as the in-process standard session gives). */
function exampleArguments(tool) {
  const args = {}
  for (const [name, schema] of Object.entries(tool.inputSchema?.properties ?? {}))
    if (Array.isArray(schema?.examples) && schema.examples.length > 0) args[name] = schema.examples[0]
  return args
}

/** One standard session with fresh SDK objects, told by the environment as it is now. */
async function session(url) {
  const withOAuth = auth !== undefined && process.env.MCP_OAUTH !== 'none'
  const states = new Set()
  const callback = withOAuth ? await callbackServer(states) : undefined
  const oauth = callback ? provider(callback.uri, states) : undefined
  try {
    for (let round = 0; ; round++) {
      const connection = transport(url, oauth)
      // 1.0.x required the options argument (capabilities); later releases take it as well.
      const client = new Client({ name: 'mcp-auth-harness', version: '0.1.0' }, { capabilities: {} })
      try {
        await client.connect(connection)
        const { tools } = await client.listTools()
        for (let i = 0; i < (tools.length > 0 ? 3 : 0); i++)
          await client.callTool({ name: tools[0].name, arguments: exampleArguments(tools[0]) })
        // A long session: idle with the GET stream open, as agents hold theirs (MCP_KEEP_OPEN_MS).
        const keepOpen = Number(process.env.MCP_KEEP_OPEN_MS || 0)
        if (keepOpen > 0) await new Promise((resolve) => setTimeout(resolve, keepOpen))
        // Done with the session: end it, as the SDK's docs show (close() alone leaves it open on
        // the server); releases before Streamable HTTP (1.10) have no session to end.
        if (connection.sessionId && typeof connection.terminateSession === 'function') await connection.terminateSession()
        await client.close()
        return
      } catch (error) {
        await client.close().catch(() => undefined)
        if (!(oauth && error instanceof auth.UnauthorizedError && round < 2 && oauth.held.opened)) throw error
        await oauth.held.opened
        oauth.held.opened = undefined
        const code = await Promise.race([callback.nextCode(), new Promise((resolve) => setTimeout(resolve, 10_000, undefined))])
        if (!code) throw error
        await connection.finishAuth(code)
      }
    }
  } finally {
    callback?.close()
  }
}

const failure = (error) => `${error?.name ?? 'Error'}: ${error?.message ?? String(error)}`

/**
 * MCP_SESSION_LOOP=1: one session per stdin line, `{"session": N, "url": URL, "env": {...}}` (the
 * variables a process started for that one trial would get, applied for the session, the previous
 * session's others removed); each session's end one stdout line, `{"session": N, "ok": true}` or
 * `{"session": N, "ok": false, "error": "..."}`.
 */
async function sessionLoop() {
  const { createInterface } = await import('node:readline')
  process.stdout.write(`${JSON.stringify({ ready: true })}\n`)
  let previous = []
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (!line.trim()) continue
    const request = JSON.parse(line)
    const env = request.env ?? {}
    for (const name of previous) if (!(name in env)) delete process.env[name]
    Object.assign(process.env, env)
    previous = Object.keys(env)
    const answer = await session(request.url).then(
      () => ({ session: request.session, ok: true }),
      (error) => ({ session: request.session, ok: false, error: failure(error) }),
    )
    process.stdout.write(`${JSON.stringify(answer)}\n`)
  }
}

if (process.env.MCP_SESSION_LOOP === '1') {
  await sessionLoop()
  process.exit(0)
}
const url = process.argv.at(-1) ?? ''
if (!/^https?:\/\//.test(url)) {
  process.stderr.write('usage: client.mjs URL   (the MCP server URL is the last argument)\n')
  process.exit(2)
}
try {
  await session(url)
  process.exit(0)
} catch (error) {
  process.stderr.write(`session failed: ${failure(error)}\n`)
  process.exit(1)
}
