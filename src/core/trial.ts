import type { ClientConfig } from './client-config.js'
import type { Scenario } from './scenario.js'
import type { Exchange } from './exchange.js'

/** How a client run ended. A hang or crash is an outcome, reported with the partial traffic. */
export type TrialOutcome =
  { kind: 'completed' } | { kind: 'client-error'; message: string } | { kind: 'timeout'; afterMs: number }

/** How a client started as a process ended (command clients). */
export interface ProcessReport {
  command: string
  exitCode: number | null
  signal: string | null
  /** The last few kilobytes of each stream. */
  stdoutTail: string
  stderrTail: string
}

/**
 * One ClientConfig × Scenario × client run, with its Exchanges and outcome. A trial rebuilt from a
 * recording has no Scenario: the server was real, or replayed.
 */
export interface Trial {
  client: string
  config: ClientConfig
  scenario?: Scenario
  exchanges: Exchange[]
  outcome: TrialOutcome
  durationMs: number
  /** True when the client sent more than TrafficLog.MAX_EXCHANGES requests: the rest was refused. */
  truncated?: boolean
  /** For a client started as a process: its exit and output. */
  process?: ProcessReport
  /** For a client in this process: the last lines it wrote to the console (kept out of the harness's output). */
  consoleTail?: string[]
}
