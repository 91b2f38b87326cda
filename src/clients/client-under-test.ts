import type { ClientConfig, ConfiguredGrant, Transport } from '../core/client-config.js'
import type { ProcessReport } from '../core/trial.js'

/** What a client adapter gets for one trial besides its config. */
export interface TrialContext {
  /** Aborted when the trial times out: the adapter should stop and release what it holds. */
  signal: AbortSignal
  /** Command clients report how their process ended, for the trial report. */
  reportProcess(report: ProcessReport): void
  /** A client run in a thread of its own hands back the console lines its session wrote. */
  reportConsole?(lines: readonly string[]): void
  /** Extra environment for a client in another process (the recording proxy's settings). */
  env?: Readonly<Record<string, string>>
  /**
   * For a client that `startsClock`: called when the client itself starts (its process spawned, or
   * its session sent to a ready session-loop process). The trial's time limit counts from then.
   */
  startClock?(): void
}

/**
 * A client adapter: a name, the transports it supports, and `run`, which performs a standard
 * session (connect/initialize, `tools/list`, `tools/call` when a tool is listed, close).
 * `run` rejecting is a reported trial outcome ("client error"), not a harness failure.
 *
 * @example
 * const client: ClientUnderTest = {
 *   name: 'my-client',
 *   description: 'my HTTP client',
 *   transports: ['streamable-http'],
 *   async run(config, { signal }) { await myConnect(config.url, config.headers, signal) },
 * }
 */
export interface ClientUnderTest {
  name: string
  description: string
  transports: readonly Transport[]
  /**
   * Where its requests can be served: `in-process` clients use `fetch` in this process and are
   * intercepted (fastest); `real-port` clients (other processes) need the mock on real sockets.
   * In-process clients can run on real ports too (`fuzz --network real-port`). Default: in-process.
   */
  network?: 'in-process' | 'real-port'
  /** True for clients in other processes: their real-port trials need not wait for in-process ones. */
  outOfProcess?: boolean
  /**
   * True for a client whose trials are sessions of a long-lived process (a session loop): they
   * wait on I/O, not on a process start, so more of them run at once by default.
   */
  sessionLoop?: boolean
  /**
   * True when the adapter calls `context.startClock()` as the client starts: the time limit then
   * counts from there, not from a wait for a process to become ready (bounded on its own).
   */
  startsClock?: boolean
  /**
   * The least time a session of it takes on a quiet machine, when that is more than a trial is
   * usually given (an agent CLI whose start-up alone takes seconds): a shorter time limit is raised
   * to this for it, so its trials are judged on whole sessions, not cut short.
   */
  minTimeoutMs?: number
  /**
   * Whether the client can be told of a pre-registered OAuth client (`config.oauthClientId`);
   * false keeps it out of generated configs, so the client is never blamed for what it was not told.
   * Default true.
   */
  acceptsOAuthClientId?: boolean
  /**
   * Which headers its config can carry: `any` (default), or `bearer-only` for a config with only a
   * bearer-token field (codex before 0.47: `bearer_token`). Header sets it cannot be given are never
   * generated for it, so no property blames it for a header it was never told.
   */
  configurableHeaders?: 'any' | 'bearer-only'
  /**
   * The grants without a user its config can name besides the authorization code (`config.grant`:
   * client credentials, enterprise-managed, workload identity). Default none: such configs are never
   * generated for it.
   */
  grants?: readonly ConfiguredGrant[]
  /** Whether it can be told to use DPoP-bound tokens (`config.dpop`, RFC 9449). Default false. */
  dpop?: boolean
  /**
   * Whether it can be told to keep its session open after its calls (`config.keepOpenMs`; a `cmd:`
   * program: `MCP_KEEP_OPEN_MS`). Default false: no held session is generated for it.
   */
  keepsOpen?: boolean
  /**
   * Whether it never speaks the 2026-07-28 era (it opens with `initialize`, never `server/discover`):
   * the server variants only that era's rules look at are left out of its coverage phase. Default
   * false: what era a client speaks is not known until it does.
   */
  legacyOnly?: boolean
  /**
   * The version of the client package under test, when known (`1.32.2`): expected failures that
   * name versions apply to it, and one that no longer fails in another version is reported as such.
   */
  version?: string
  /** When that version was released, for an installed client (its dependencies were resolved as of then). */
  releasedAt?: string
  /** The versions its install resolved for the dependencies that decide its behaviour (`@modelcontextprotocol/sdk`). */
  dependencies?: Readonly<Record<string, string>>
  run(config: ClientConfig, context: TrialContext): Promise<void>
  /**
   * Releases what the client keeps between trials (a `module:` client's threads): called by the
   * library when the run that resolved the client by name ends. Optional.
   */
  close?(): Promise<void>
}

/** What the generated inputs depend on: what a client speaks and what its config can carry. */
export type ClientCapabilities = Pick<
  ClientUnderTest,
  'transports' | 'acceptsOAuthClientId' | 'configurableHeaders' | 'grants' | 'dpop' | 'keepsOpen' | 'legacyOnly'
>
