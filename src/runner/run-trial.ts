import type { ClientUnderTest } from '../clients/client-under-test.js'
import type { ClientConfig } from '../config/client-config.js'
import { InProcessNetwork } from '../network/in-process-network.js'
import { createScenarioServer } from '../scenario/scenario-server.js'
import type { Scenario } from '../scenario/scenario.js'
import type { MockServer } from '../network/mock-server.js'
import type { Trial, TrialOutcome } from './trial.js'

export interface RunTrialOptions {
  /** The client's whole session must finish within this, or the trial is a timeout. */
  timeoutMs: number
}

/** After an abort, how long a client gets to wind down before the harness moves on. */
const ABORT_GRACE_MS = 250
/** How long body reads may still take after the server closed its streams. */
const SETTLE_MS = 1000

function errorMessage(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
}

/**
 * Runs one client session against a Scenario's mock server, in process, and returns the Trial.
 * Never throws for anything the client does: errors and hangs become the outcome.
 *
 * @example
 * const trial = await runTrial(SDK_CLIENTS[0], config, scenario, { timeoutMs: 5000 })
 * console.log(trial.outcome.kind, trial.exchanges.length)
 */
export async function runTrial(
  client: ClientUnderTest,
  config: ClientConfig,
  scenario: Scenario,
  options: RunTrialOptions,
): Promise<Trial> {
  return { ...(await runSession(client, config, createScenarioServer(scenario), options)), scenario }
}

/**
 * One client session against any MockServer (a scenario, a replay, or the real network), with the
 * timeout, abort and settle rules of a trial.
 */
export async function runSession(
  client: ClientUnderTest,
  config: ClientConfig,
  server: MockServer,
  options: RunTrialOptions,
): Promise<Trial> {
  const started = performance.now()
  const { log, value: outcome } = await InProcessNetwork.shared().run(
    server.handlers,
    async (log) => {
      const controller = new AbortController()
      let timer: ReturnType<typeof setTimeout> | undefined
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), options.timeoutMs)
      })
      const running = client.run(config, { signal: controller.signal }).then(
        (): TrialOutcome => ({ kind: 'completed' }),
        (error: unknown): TrialOutcome => ({ kind: 'client-error', message: errorMessage(error) }),
      )
      const first = await Promise.race([running, timedOut])
      clearTimeout(timer)
      let result: TrialOutcome
      if (first === 'timeout') {
        controller.abort()
        await Promise.race([running, new Promise((resolve) => setTimeout(resolve, ABORT_GRACE_MS))])
        result = { kind: 'timeout', afterMs: options.timeoutMs }
      } else {
        result = first
      }
      server.close()
      await log.settle(SETTLE_MS)
      return result
    },
    server.unhandled,
  )
  return {
    client: client.name,
    config,
    exchanges: log.exchanges,
    outcome,
    durationMs: Math.round(performance.now() - started),
  }
}
