import type { TrialContext } from './client-under-test.js'

/** What the standard session needs of an SDK client: the v1 and v2 SDKs both have this shape. */
interface SessionClient {
  connect(transport: never): Promise<void>
  listTools(): Promise<{ tools: Array<{ name: string }> }>
  callTool(request: { name: string; arguments: Record<string, unknown> }): Promise<unknown>
  close(): Promise<void>
}

interface SessionTransport {
  sessionId?: string | undefined
  terminateSession?: () => Promise<void>
}

/**
 * The session every SDK-based adapter runs: connect (initialize), `tools/list`, `tools/call` on the
 * first listed tool, DELETE the session (Streamable HTTP), close. An abort closes the client.
 */
export async function runStandardSession(client: SessionClient, transport: object, context: TrialContext): Promise<void> {
  const session = transport as SessionTransport
  const abort = () => void client.close().catch(() => undefined)
  context.signal.addEventListener('abort', abort, { once: true })
  try {
    await client.connect(transport as never)
    const { tools } = await client.listTools()
    const first = tools[0]
    if (first) await client.callTool({ name: first.name, arguments: {} })
    // Only Streamable HTTP has sessions to end; SSE transports have neither property.
    if (session.sessionId && session.terminateSession) await session.terminateSession()
  } finally {
    context.signal.removeEventListener('abort', abort)
    await client.close().catch(() => undefined)
  }
}
