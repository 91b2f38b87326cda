import type { TrialContext } from './client-under-test.js'

/** What the standard session needs of an SDK client: the v1 and v2 SDKs both have this shape. */
interface SessionClient {
  connect(transport: never): Promise<void>
  listTools(): Promise<{ tools: Array<{ name: string; inputSchema?: { properties?: Record<string, unknown> } }> }>
  callTool(request: { name: string; arguments: Record<string, unknown> }): Promise<unknown>
  close(): Promise<void>
  fallbackNotificationHandler?: (notification: { method: string }) => Promise<void>
}

interface SessionTransport {
  sessionId?: string | undefined
  terminateSession?: () => Promise<void>
}

/**
 * Calls per session: a token revoked mid-session, a per-method guard and retry loops only show in
 * sessions longer than one call.
 */
export const TOOL_CALLS = 3
/** After a GET-stream notification, how long a dropped stream gets to be resumed before the session ends. */
const RESUME_GRACE_MS = 5

/** Waits `ms`, or less when the trial is aborted. */
function hold(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal.addEventListener('abort', done, { once: true })
  })
}

/**
 * The arguments a call gives: each top-level parameter's first JSON Schema `examples` value, as an
 * agent fills in what a tool's schema suggests; a parameter without examples is left out.
 */
export function exampleArguments(tool: { inputSchema?: { properties?: Record<string, unknown> } }): Record<string, unknown> {
  const args: Record<string, unknown> = {}
  for (const [name, schema] of Object.entries(tool.inputSchema?.properties ?? {})) {
    const examples = (schema as { examples?: unknown } | null)?.examples
    if (Array.isArray(examples) && examples.length > 0) args[name] = examples[0]
  }
  return args
}

/**
 * The session every SDK-based adapter runs: connect (initialize), `tools/list`, `tools/call` on the
 * first listed tool TOOL_CALLS times (with its `exampleArguments`), `tools/list` again on each `notifications/tools/list_changed`
 * (from the GET stream, also after it was dropped and resumed), held open `keepOpenMs` with its GET
 * stream (`ClientConfig.keepOpenMs`), DELETE the session (Streamable HTTP), close. An abort closes
 * the client.
 */
export async function runStandardSession(
  client: SessionClient,
  transport: object,
  context: TrialContext,
  keepOpenMs = 0,
  onConnected?: () => void,
): Promise<void> {
  const session = transport as SessionTransport
  const abort = () => void client.close().catch(() => undefined)
  context.signal.addEventListener('abort', abort, { once: true })
  const relists: Array<Promise<unknown>> = []
  client.fallbackNotificationHandler = async (notification) => {
    if (notification.method === 'notifications/tools/list_changed') relists.push(client.listTools().catch(() => undefined))
  }
  try {
    await client.connect(transport as never)
    onConnected?.()
    const { tools } = await client.listTools()
    const first = tools[0]
    if (first)
      for (let call = 0; call < TOOL_CALLS; call++)
        await client.callTool({ name: first.name, arguments: exampleArguments(first) })
    if (relists.length > 0) {
      await new Promise((resolve) => setTimeout(resolve, RESUME_GRACE_MS))
      await Promise.all(relists)
    }
    // A long session: the client idles as agents do, while the SDK keeps (and reopens) its GET stream.
    if (keepOpenMs > 0) await hold(keepOpenMs, context.signal)
    // Only Streamable HTTP has sessions to end; SSE transports have neither property.
    if (session.sessionId && session.terminateSession) await session.terminateSession()
  } finally {
    context.signal.removeEventListener('abort', abort)
    await client.close().catch(() => undefined)
  }
}
