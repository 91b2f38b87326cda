import { serveFetch, type RunningHttpServer } from '../../runtime/http-server.js'

/** The answer to every model request: 401 in the error shape the OpenAI, Anthropic and Gemini APIs share closely enough. */
const REFUSAL = JSON.stringify({
  error: {
    type: 'authentication_error',
    code: 401,
    status: 'UNAUTHENTICATED',
    message: 'mcp-auth-harness: the model API is switched off during a trial',
  },
})

/** A model API that refuses at once, and counts the requests it refused. */
export interface ModelApiRefuser {
  /** `http://127.0.0.1:PORT`: the base URL an agent CLI is pointed at. */
  origin: string
  /** Requests seen: one or more means the agent finished its MCP start-up and asked the model. */
  requests(): number
  close(): Promise<void>
}

/**
 * Starts the stand-in for an agent's model API on a loopback port of its own. It answers every
 * request with 401 at once. A refused connection would be cheaper, but some CLIs (codex) read it as
 * "offline" and wait for the network forever; an immediate 401 ends every CLI tried within a second,
 * without retries. Its first request is the sign that the agent's MCP start-up was done.
 *
 * @example
 * const model = await startModelApiRefuser()
 * // run `claude -p hello` with ANTHROPIC_BASE_URL=model.origin …
 * if (model.requests() === 0) console.log('it never got as far as the model')
 * await model.close()
 */
export async function startModelApiRefuser(): Promise<ModelApiRefuser> {
  let seen = 0
  const server: RunningHttpServer = await serveFetch(
    async (request) => {
      seen += 1
      await request.arrayBuffer().catch(() => undefined)
      return new Response(REFUSAL, { status: 401, headers: { 'content-type': 'application/json' } })
    },
    { host: '127.0.0.1', port: 0 },
  )
  return { origin: server.origin, requests: () => seen, close: () => server.close() }
}
