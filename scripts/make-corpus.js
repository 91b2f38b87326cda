// Regenerates recordings/*.json (run after `npm run build`): `node scripts/make-corpus.js`.
// 1. Reconstructions of the seed report (anthropics/claude-code#7290): methods, paths, statuses and
//    response bodies exactly as the report's server logs and error message show them; request headers
//    and bodies are the plausible minimum (the report does not show them), and carry no X-API-Key.
// 2. Bug classes from shared/bug-classes.md reproduced by the faulty reference clients against a
//    mock server shaped like the one in the report.
import { buildRecording } from '../dist/src/recording/build-recording.js'
import { writeRecording } from '../dist/src/recording/write-recording.js'
import { clientByName } from '../dist/src/clients/registry.js'
import { runTrial } from '../dist/src/runner/run-trial.js'

const RECORDED_AT = '2026-11-26T00:00:00.000Z'
const NOT_FOUND = {
  status: 404,
  headers: [
    ['content-type', 'application/json'],
    ['server', 'uvicorn'],
  ],
  body: '{"detail":"Not Found"}',
}

/** One exchange of a reconstruction, in log order. */
function logged(seq, method, url, { headers = [['accept', 'application/json']], body } = {}) {
  return {
    seq,
    requestTick: seq * 2 - 1,
    responseTick: seq * 2,
    method,
    url,
    requestHeaders: body ? [...headers, ['content-type', 'application/json']] : headers,
    ...(body ? { requestBody: JSON.stringify(body) } : {}),
    status: NOT_FOUND.status,
    responseHeaders: NOT_FOUND.headers,
    responseBody: NOT_FOUND.body,
  }
}

const REGISTER = {
  client_name: 'Claude Code (test-server)',
  redirect_uris: ['http://localhost:54212/callback'],
  grant_types: ['authorization_code', 'refresh_token'],
  response_types: ['code'],
  token_endpoint_auth_method: 'none',
}
const INITIALIZE = {
  jsonrpc: '2.0',
  id: 0,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'claude-code', version: '1.0.108' } },
}
const SEED_NOTES =
  'Reconstructed from anthropics/claude-code#7290 (Claude Code 1.0.108): methods, paths and statuses are the server log in the report; ' +
  'response bodies are the FastAPI 404 the report quotes ({"detail":"Not Found"}); request headers and bodies are not in the report and are minimal. ' +
  'The server requires X-API-Key on POST /mcp and answers 404 everywhere else; the client never sent the configured X-API-Key and ran OAuth discovery and dynamic client registration without any 401.'

async function reconstruction(file, transport, url, exchanges) {
  const config = { transport, url, headers: { 'X-API-Key': 'test-key-12345' } }
  const { recording, redactor } = buildRecording({
    config,
    exchanges,
    client: 'claude-code 1.0.108 (reconstructed)',
    source: 'reconstruction',
    notes: SEED_NOTES,
    recordedAt: RECORDED_AT,
  })
  await writeRecording(file, recording, redactor)
}

await reconstruction('recordings/claude-code-7290-http.json', 'streamable-http', 'http://localhost:8001', [
  logged(1, 'GET', 'http://localhost:8001/.well-known/oauth-protected-resource'),
  logged(2, 'GET', 'http://localhost:8001/.well-known/oauth-authorization-server'),
  logged(3, 'GET', 'http://localhost:8001/.well-known/openid-configuration'),
  logged(4, 'POST', 'http://localhost:8001/register', { body: REGISTER }),
  logged(5, 'POST', 'http://localhost:8001/', { headers: [['accept', 'application/json, text/event-stream']], body: INITIALIZE }),
])

await reconstruction('recordings/claude-code-7290-sse.json', 'sse', 'http://localhost:8001/sse', [
  logged(1, 'GET', 'http://localhost:8001/.well-known/oauth-protected-resource/sse'),
  logged(2, 'GET', 'http://localhost:8001/.well-known/oauth-authorization-server/sse'),
  logged(3, 'GET', 'http://localhost:8001/.well-known/openid-configuration/sse'),
  logged(4, 'GET', 'http://localhost:8001/sse/.well-known/openid-configuration'),
  logged(5, 'POST', 'http://localhost:8001/register', { body: REGISTER }),
])

/** A server like the report's: X-API-Key required (401 JSON, no WWW-Authenticate), 404 JSON elsewhere. */
function seedLikeScenario(transport, endpointPath, overrides = {}) {
  return {
    origin: 'http://localhost:8001',
    endpointPath,
    transport,
    protocolVersions: ['2025-06-18'],
    responseMode: 'json',
    getStream: 'sse',
    sessions: true,
    deleteAllowed: true,
    legacyEndpoint: 'relative',
    tools: true,
    auth: { kind: 'static-header', header: 'X-API-Key', value: 'test-key-12345', challenge: 'no-www-authenticate' },
    notFound: '404-json',
    ...overrides,
  }
}

async function reproduction(file, clientName, transport, path, notes, overrides) {
  const config = { transport, url: `http://localhost:8001${path}`, headers: { 'X-API-Key': 'test-key-12345' } }
  const trial = await runTrial(clientByName(clientName), config, seedLikeScenario(transport, path, overrides), {
    timeoutMs: 5000,
  })
  const { recording, redactor } = buildRecording({
    config,
    exchanges: trial.exchanges,
    client: clientName,
    source: 'record',
    notes,
    recordedAt: RECORDED_AT,
  })
  await writeRecording(file, recording, redactor)
}

await reproduction(
  'recordings/vscode-246207-sse-posts-without-headers.json',
  'faulty:no-headers-on-post',
  'sse',
  '/sse',
  'Bug class of microsoft/vscode#246207 and anthropics/claude-code#28293, reproduced by the faulty reference client: the SSE GET carries the configured header, the POSTs to the announced endpoint do not, and the server rejects them.',
)
await reproduction(
  'recordings/gemini-cli-25473-get-stream-without-headers.json',
  'faulty:no-headers-on-stream',
  'streamable-http',
  '/mcp',
  'Bug class of google-gemini/gemini-cli#25473 and modelcontextprotocol/rust-sdk#464, reproduced by the faulty reference client: POSTs carry the configured header, the standalone GET stream does not and gets 401.',
)
await reproduction(
  'recordings/codex-5588-discovery-without-401.json',
  'faulty:discovery-first',
  'sse',
  '/sse',
  'Bug class of openai/codex#5588 and anthropics/claude-code#47424, reproduced by the faulty reference client: OAuth metadata probed before the first MCP request, against a server that never answers 401.',
  { auth: { kind: 'none' } },
)
process.exit(0)
