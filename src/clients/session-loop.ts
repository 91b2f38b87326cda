import type { ProcessReport } from '../core/trial.js'
import { InputError } from '../core/errors.js'
import { parseJsonOr } from '../core/json.js'
import { isStopping } from '../runtime/child-process.js'
import { startLineProcess, type LineProcess } from '../runtime/line-process.js'
import type { TrialContext } from './client-under-test.js'
import { processFailure } from './process-failure.js'

/**
 * The variable that starts a program in session-loop mode. Without it the same program runs one
 * session for the URL in its last argument and exits.
 */
const SESSION_LOOP_VARIABLE = 'MCP_SESSION_LOOP'

/** How long a session-loop program may take to say it is ready (imports, a JVM, a cold cache under load). */
const START_LIMIT_MS = 60_000
/**
 * How long a process waits idle for its next session before it is ended: a run over many releases
 * (`matrix`, `bisect`) leaves no interpreter or JVM per release behind.
 */
const IDLE_LIMIT_MS = 20_000
/**
 * Starts in a row that never said ready, with none ever ready, after which the run stops with one
 * error instead of paying the start limit again on every trial (a default run would take hours).
 */
const NEVER_READY_STARTS = 3

/**
 * One session as a session-loop program reads it, on one line of its standard input. `env` holds
 * exactly the variables a program started for this one trial would get (MCP_URL, MCP_TRANSPORT,
 * MCP_HEADERS, MCP_OAUTH_CLIENT_ID, MCP_OAUTH_GRANT, BROWSER, …): a program applies them for the
 * session and unsets the ones the previous session had that this one does not.
 */
export interface LoopSession {
  session: number
  url: string
  env: Record<string, string>
}

/**
 * What a session-loop program writes: `{"ready":true}` once, when it can take sessions, then for
 * each session `{"session":N,"ok":true}`, or `{"session":N,"ok":false,"error":"…"}`. Any other line
 * on its standard output is kept as its output.
 */
export type LoopAnswer = { ready: true } | { session: number; ok: boolean; error?: string }

function answerOf(line: string): LoopAnswer | undefined {
  const value = parseJsonOr(line, undefined) as
    Partial<{ ready: unknown; session: unknown; ok: unknown; error: unknown }> | undefined
  if (typeof value !== 'object' || value === null) return undefined
  if (value.ready === true) return { ready: true }
  if (typeof value.session !== 'number' || typeof value.ok !== 'boolean') return undefined
  return { session: value.session, ok: value.ok, ...(typeof value.error === 'string' ? { error: value.error } : {}) }
}

/** The session number of the first answer in `text` (lines of output) that `which` picks, if any. */
function answerIn(text: string, which: (session: number) => boolean): number | undefined {
  for (const line of text.split('\n')) {
    const answer = answerOf(line)
    if (answer && 'session' in answer && which(answer.session)) return answer.session
  }
  return undefined
}

/**
 * Session-loop processes of one command: a program started once and given many sessions, one at a
 * time each, fresh SDK objects in every session (the program's promise; the isolation test holds
 * the built-in adapters to it). A trial's own environment (`context.env`: record mode's proxy
 * settings, which a program reads as it starts) is the environment its process starts with; idle
 * processes wait for the next trial with the same; a trial finding none idle
 * starts another, so there are as many as trials run at once. A process that dies or hangs in a
 * session is killed, its trial reported (a client error, or the timeout), and the next trial starts
 * a fresh one.
 *
 * @example
 * const loop = new SessionLoop('python3', ['client.py'])
 * await loop.session(url, env, context) // rejects with the client's error when the session failed
 */
export class SessionLoop {
  /** Idle processes by the environment they were started with (a trial's own `context.env`: record mode's proxy). */
  readonly #idle = new Map<string, LineProcess[]>()
  #sessions = 0
  /** Starts that never said ready, while none of this command's processes ever did. */
  #failedStarts = 0
  #everReady = false
  /** Processes that answered a session before it was sent, with that session. */
  readonly #early = new WeakMap<LineProcess, number>()
  /** Set once NEVER_READY_STARTS starts failed: every later session fails with it, starting nothing. */
  #gaveUp: InputError | undefined
  /** The timer that ends each idle process. */
  readonly #retire = new WeakMap<LineProcess, ReturnType<typeof setTimeout>>()

  constructor(
    readonly command: string,
    readonly args: readonly string[],
  ) {}

  /** Runs one session on an idle process (or a new one); the trial's clock starts when the session is sent. */
  async session(url: string, env: Record<string, string>, context: TrialContext): Promise<void> {
    const adapter = await this.#take(context)
    if (adapter === undefined) return
    const id = ++this.#sessions
    // An answer written while no session was waiting, for one not sent yet, is a broken promise of the protocol.
    const early = this.#early.get(adapter) ?? answerIn(adapter.takeOutput().stdout, (session) => session >= id)
    if (early !== undefined) this.#protocolError(adapter, id, context, `answered session ${early} before it was sent`)
    context.startClock?.()
    adapter.send(JSON.stringify({ session: id, url, env: { ...context.env, ...env } } satisfies LoopSession))
    // Any session's answer ends the wait: one for another session is a protocol error, not output.
    const line = await adapter
      .nextLine((text) => {
        const answer = answerOf(text)
        return answer !== undefined && 'session' in answer
      }, context.signal)
      .catch(() => undefined)
    const other = line === undefined ? undefined : (answerOf(line) as { session: number }).session
    if (other !== undefined && other !== id)
      this.#protocolError(adapter, id, context, `answered session ${other} while session ${id} was running`)
    if (line === undefined) {
      // A timeout (the trial's signal) or a crash: the process goes, the next trial starts another.
      adapter.kill()
      const exit = await adapter.exited
      const report = this.#report(adapter, id, exit.exitCode, exit.signal)
      context.reportProcess(report)
      if (context.signal.aborted) return
      throw new Error(`the session-loop process died during the session: ${processFailure(report)}`)
    }
    const answer = answerOf(line) as { ok: boolean; error?: string }
    const report = this.#report(adapter, id, answer.ok ? 0 : 1, null, answer.error)
    context.reportProcess(report)
    this.#rest(adapter, this.#idleFor(context))
    if (!answer.ok) throw new Error(processFailure(report))
  }

  /** Ends a process that broke the protocol: its trial is a client error saying how. */
  #protocolError(adapter: LineProcess, id: number, context: TrialContext, what: string): never {
    adapter.kill()
    const report = this.#report(adapter, id, null, 'SIGKILL')
    context.reportProcess(report)
    throw new Error(`the session-loop process broke the protocol: it ${what} (each answer names the session it was sent)`)
  }

  /** Puts a process among the idle ones, ended if no session comes within IDLE_LIMIT_MS. */
  #rest(adapter: LineProcess, idle: LineProcess[]): void {
    adapter.setIdle(true)
    idle.push(adapter)
    const timer = setTimeout(() => {
      const at = idle.indexOf(adapter)
      if (at < 0) return
      idle.splice(at, 1)
      adapter.kill()
    }, IDLE_LIMIT_MS)
    timer.unref()
    this.#retire.set(adapter, timer)
  }

  #idleFor(context: TrialContext): LineProcess[] {
    const key = JSON.stringify(context.env ?? {})
    return this.#idle.get(key) ?? this.#idle.set(key, []).get(key)!
  }

  /** An idle running process, or a new one once it said it is ready; undefined when the trial was aborted meanwhile. */
  async #take(context: TrialContext): Promise<LineProcess | undefined> {
    const idle = this.#idleFor(context)
    for (let adapter = idle.pop(); adapter; adapter = idle.pop()) {
      clearTimeout(this.#retire.get(adapter))
      if (!adapter.running) continue
      adapter.setIdle(false)
      return adapter
    }
    // Ctrl-C or SIGTERM: no client process starts after that.
    if (isStopping()) throw new Error('not started: the run is stopping')
    if (this.#gaveUp) throw this.#gaveUp
    const adapter = startLineProcess(this.command, [...this.args], { ...context.env, [SESSION_LOOP_VARIABLE]: '1' })
    const ready = await adapter
      .nextLine(
        (text) => {
          const answer = answerOf(text)
          return answer !== undefined && 'ready' in answer
        },
        AbortSignal.any([context.signal, AbortSignal.timeout(START_LIMIT_MS)]),
      )
      .then(
        () => true,
        () => false,
      )
    if (ready) {
      this.#everReady = true
      return adapter
    }
    // A program that ignores MCP_SESSION_LOOP runs once without a URL and exits: its usage line says so.
    const why = adapter.running
      ? `did not say it was ready within ${START_LIMIT_MS / 1000} s`
      : 'exited before it said it was ready ({"ready":true})'
    adapter.kill()
    const exit = await adapter.exited
    const report = this.#report(adapter, 0, exit.exitCode, exit.signal)
    context.reportProcess(report)
    if (context.signal.aborted) return undefined
    if (!this.#everReady && ++this.#failedStarts >= NEVER_READY_STARTS)
      throw (this.#gaveUp ??= new InputError(
        `the session-loop program ${this.command} never said it was ready ({"ready":true} on its standard output) in ${NEVER_READY_STARTS} starts: the run stops here. Is it a session-loop program (see "Session loop" in docs/clients.md)? Last start: ${processFailure(report)}`,
      ))
    throw new Error(`the session-loop process ${why}: ${processFailure(report)}`)
  }

  #report(adapter: LineProcess, id: number, exitCode: number | null, signal: string | null, error?: string): ProcessReport {
    const { stdout, stderr } = adapter.takeOutput()
    // An answer for a later session in this one's output: the process's next session fails with it.
    const early = answerIn(stdout, (session) => session > id)
    if (early !== undefined) this.#early.set(adapter, early)
    return {
      command: `${adapter.command} (session-loop process ${adapter.pid ?? '?'}, session ${id})`,
      exitCode,
      signal,
      stdoutTail: stdout,
      stderrTail: error === undefined ? stderr : `${stderr}session failed: ${error}\n`,
    }
  }
}
