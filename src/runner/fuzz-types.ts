// The fuzz run's types: its phases, options, statistics and results (what every report reads).
import type { ClientUnderTest } from '../clients/client-under-test.js'
import type { TrialInput } from '../core/trial-input.js'
import type { Trial, TrialOutcome } from '../core/trial.js'
import type { Property, Violation } from '../property/property.js'
import type { Verdict } from '../property/judge.js'

/**
 * The search's phases, in the order they run: `coverage` (deterministic, the same inputs whatever
 * the seed: the named scenarios, OAuth base choices, pairwise rows) then `random` (fast-check,
 * `runs` inputs of the seed). The random phase is its own fast-check run, so a seed and path keep
 * replaying what they did whatever the coverage phase holds.
 */
export type Phase = 'coverage' | 'random'
export const PHASES: readonly Phase[] = ['coverage', 'random']

/** What a fuzz run counts: sessions per phase, and per client how often each dimension value was drawn. */
export interface FuzzStats {
  trials: number
  phases?: Record<Phase, number>
  /** How the sessions ended (shrinking included). */
  outcomes?: Record<TrialOutcome['kind'], number>
  /** `client: first line of the error` → trials that ended with it, so a run whose sessions fail says why. */
  clientErrors?: Record<string, number>
  /** client → dimension → value → trials that drew it (searching, not shrinking). */
  dimensions?: Record<string, Record<string, Record<string, number>>>
  /** With `failFast`: client → the property it was stopped at, and how many of its properties were not judged. */
  stoppedEarly?: Record<string, { property: string; notJudged: number }>
  /** Stored examples replayed before the coverage phase (trials counted in `trials`, in no phase). */
  examples?: number
  /** client → how each of its stored examples fared this run. */
  exampleReplays?: Record<string, ExampleReplay[]>
}

/**
 * A stored example: a counterexample an earlier run saved for this client (same name and version),
 * replayed before the coverage phase and judged by every property of the run, as Hypothesis
 * replays its example database first.
 */
export interface StoredExample {
  /** The file it was read from: its label in reports and its reproduce command. */
  file: string
  /** The property it was saved for. */
  property: string
  input: TrialInput
}

/** How one stored example fared: the properties it still breaks, and whether its own one was judged. */
export interface ExampleReplay {
  example: StoredExample
  /** Properties of this run the replay violated (its own, or any other). */
  violated: string[]
  /** Whether the property it was saved for had something to judge in the replay (and held, unless listed in `violated`). */
  ownExercised: boolean
}

/** Random-phase trials per client when the caller does not say: the coverage phase before them carries detection, these add breadth, and the default run stays well under 15 s. */
export const DEFAULT_RUNS = 50
/** Per-trial timeout when the caller does not say. */
export const DEFAULT_TIMEOUT_MS = 5000

export interface FuzzOptions {
  clients: readonly ClientUnderTest[]
  properties: readonly Property[]
  /** Random-phase trials per client × property before shrinking (the coverage phase has its own, fixed size). */
  runs: number
  /** Which phases run; default both. A `path` replays a random-phase trial, so it implies `['random']`. */
  phases?: readonly Phase[]
  /** fast-check seed; random when absent. The same seed replays the same trials. */
  seed?: number
  /** fast-check path of a counterexample: replays just that (shrunk) trial. */
  path?: string
  /** Per-trial timeout in milliseconds. */
  timeoutMs: number
  /**
   * Trials at once while searching (real-port clients only gain from it; shrinking is one at a time).
   * Default: two per core for a session loop, one per core for other clients in other processes,
   * 1 for in-process ones.
   */
  concurrency?: number
  /** Shrink a failure to a minimal counterexample (default); off reports the first failure as found. */
  shrink?: boolean
  /**
   * Stop each client at its first unexpected violation (one not `known`): the coverage phase runs
   * until a trial breaks any property, that property alone is reported (shrunk), and the client's
   * other properties are not judged. For the slowest clients, where a verdict is all a CI job needs.
   */
  failFast?: boolean
  /** Pairs whose failure is already known (expected failures): found, not shrunk again. */
  known?: (client: string, property: string) => boolean
  /**
   * Runs only this shard's inputs: input i of the seed's sequence belongs to shard (i mod count) + 1,
   * so jobs with the same seed run disjoint trials that together are the unsharded run's.
   */
  shard?: { index: number; count: number }
  /** Counts the sessions actually run (each input runs once per client, whatever the number of properties). */
  stats?: FuzzStats
  /** Called (and awaited) after each client × property finishes. */
  onResult?: (result: PropertyResult) => void | Promise<void>
  /**
   * The stored examples of a client (the example database), replayed before the coverage phase:
   * an example that fails a property decides that property at once. None with `path` (one trial
   * replayed) or in a shard other than the first (each example runs once per run).
   */
  examples?: (client: ClientUnderTest) => readonly StoredExample[]
  /** Stops the run: the running trials end as a Ctrl-C ends them, no new one starts, and `fuzz` rejects with the signal's reason. */
  signal?: AbortSignal
}

/** A shrunk failing trial and how to get it back. */
export interface Counterexample {
  /**
   * The phase that found it: a coverage failure reproduces with `--phases coverage`, a random one with
   * its seed and path, a stored example (`example`: `label` is its file) by the same run again, since
   * stored examples are replayed first.
   */
  phase: Phase | 'example'
  seed: number
  /** fast-check path (random phase); for the coverage phase, the index of the input that failed first. */
  path: string
  /** What the coverage input was (`static-key-404-discovery × sse × none`, `auth=oauth, oauth.pkce=absent`). */
  label?: string
  /** The concrete shrunk input: config and plan, enough to re-run it whatever the arbitraries become. */
  input: TrialInput
  shrinks: number
  trial: Trial
  violations: Violation[]
}

export type { Verdict }

/** What fuzzing one client against one property found. */
export interface PropertyResult {
  client: string
  /** The client's own description (what it is, and which version), for reports a maintainer reads. */
  clientDescription?: string
  /** The client's version, when known (saved with a counterexample: stored examples are matched by name and version). */
  clientVersion?: string
  property: Property
  verdict: Verdict
  /** Trials run before shrinking: stored examples, then both phases. */
  runs: number
  /** Of `runs`, how many in each phase. */
  phaseRuns: Record<Phase, number>
  /** Of those, trials whose traffic gave the property something to judge. */
  exercised: number
  outcomes: Record<TrialOutcome['kind'], number>
  seed: number
  counterexample?: Counterexample
  /** Wall time of this client × property, shrinking included (trials shared with earlier properties cost nothing here). */
  durationMs?: number
}
