import type { ClientConfig, Transport } from '../config/client-config.js'

/** What a client adapter gets for one trial besides its config. */
export interface TrialContext {
  /** Aborted when the trial times out: the adapter should stop and release what it holds. */
  signal: AbortSignal
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
  run(config: ClientConfig, context: TrialContext): Promise<void>
}
