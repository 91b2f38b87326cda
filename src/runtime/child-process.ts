// Starting clients as processes (command clients). `node:child_process` is provided by Node and Deno.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync, readdirSync } from 'node:fs'
import { access, constants, stat } from 'node:fs/promises'
import { delimiter, join, resolve } from 'node:path'
import process from 'node:process'
import type { ProcessReport } from '../core/trial.js'

const TAIL_CHARS = 4000
/** How long output still in the pipes is read after the client exited. */
const OUTPUT_DRAIN_MS = 500

/** Process groups of clients still running, so an interrupted run can stop them all. */
const liveGroups = new Set<number>()

/**
 * Every process started for a trial carries this variable (with the trial's own value added to any it inherited) in its
 * environment, and so does everything it starts unless it clears its environment: a daemon that
 * left the process group (`setsid`) is still found by it, and ended with the trial.
 */
export const TRIAL_MARKER = 'MCP_AUTH_HARNESS_TRIAL'

/** Markers of processes still running, so an interrupted run ends the daemons too. */
const liveMarkers = new Set<string>()

/**
 * Kills every process whose environment holds `TRIAL_MARKER=marker` (Linux: `/proc/PID/environ`,
 * readable for this user's own processes; elsewhere only the process group is ended). Returns how many.
 */
export function killMarkedProcesses(marker: string): number {
  let killed = 0
  let pids: string[]
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name))
  } catch {
    // No /proc (macOS, Windows): the process group kill is all there is.
    return 0
  }
  const prefix = `${TRIAL_MARKER}=`
  for (const pid of pids) {
    if (Number(pid) === process.pid) continue
    try {
      const entry = readFileSync(`/proc/${pid}/environ`, 'latin1')
        .split('\0')
        .find((line) => line.startsWith(prefix))
      if (!entry?.slice(prefix.length).split(',').includes(marker)) continue
      process.kill(Number(pid), 'SIGKILL')
      killed++
    } catch {
      // Gone meanwhile, or another user's process (not ours to read or end).
    }
  }
  return killed
}

/** Set once the run is stopping: no client process starts after that. */
let stopping = false

/** Whether the run is stopping (Ctrl-C, SIGTERM): no client process may start. */
export function isStopping(): boolean {
  return stopping
}

/**
 * A client process's environment with the trial marker added (kept with any outer one), and the
 * marker registered so an interrupted run ends what it started; `release` forgets both once it exited.
 */
export function trackProcess(env: Record<string, string>): {
  env: Record<string, string | undefined>
  marker: string
  started(pid: number | undefined): void
  release(pid: number | undefined): void
} {
  const marker = randomBytes(8).toString('hex')
  liveMarkers.add(marker)
  return {
    // Nested runs (compare:conformance → fuzz → client) keep the outer markers: each level can end its own.
    env: { ...process.env, ...env, [TRIAL_MARKER]: [process.env[TRIAL_MARKER], marker].filter(Boolean).join(',') },
    marker,
    started: (pid) => void (pid !== undefined && liveGroups.add(pid)),
    release: (pid) => {
      if (pid !== undefined) liveGroups.delete(pid)
      liveMarkers.delete(marker)
    },
  }
}

/** Ends a process started in a group of its own, the group and every process carrying its marker. */
export function killProcessGroup(pid: number | undefined, marker: string, fallback: () => void): void {
  try {
    if (pid !== undefined) process.kill(-pid, 'SIGKILL')
  } catch {
    // No such group (the process never made one, or it is gone): kill the process itself.
    fallback()
  }
  killMarkedProcesses(marker)
}

/**
 * Kills every client process group still running (Ctrl-C or SIGTERM during a run), and starts no
 * more from then on; returns how many it killed.
 */
export function killLiveProcessGroups(): number {
  stopping = true
  const count = liveGroups.size
  for (const pid of liveGroups) {
    try {
      process.kill(-pid, 'SIGKILL')
    } catch {
      // already gone
    }
  }
  liveGroups.clear()
  for (const marker of liveMarkers) killMarkedProcesses(marker)
  liveMarkers.clear()
  return count
}

function tail(text: string): string {
  return text.length > TAIL_CHARS ? `…${text.slice(-TAIL_CHARS)}` : text
}

export interface ProcessOptions {
  command: string
  args: string[]
  env: Record<string, string>
  /** Give the process a standard input that stays open until it exits (some clients end on EOF); default none. */
  openStdin?: boolean
  /** The working folder; default this process's. */
  cwd?: string
  /** Aborting kills the whole process group (the client and anything it started). */
  signal: AbortSignal
}

/**
 * Runs a command to its end in its own process group and reports exit code, signal and the tails
 * of its output. Never rejects for what the process does; a command that cannot start reports exit 127.
 *
 * @example
 * const report = await runProcess({ command: 'node', args: ['client.js', url], env: {}, signal })
 */
export function runProcess(options: ProcessOptions): Promise<ProcessReport> {
  const display = [options.command, ...options.args].join(' ')
  if (stopping)
    return Promise.resolve({
      command: display,
      exitCode: null,
      signal: 'SIGKILL',
      stdoutTail: '',
      stderrTail: 'not started: the run is stopping',
    })
  return new Promise((resolve) => {
    let stdout = ''
    let stderr = ''
    const tracked = trackProcess(options.env)
    const child = spawn(options.command, options.args, {
      env: tracked.env,
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
      stdio: [options.openStdin ? 'pipe' : 'ignore', 'pipe', 'pipe'],
      detached: true,
    })
    tracked.started(child.pid)
    const killGroup = () => killProcessGroup(child.pid, tracked.marker, () => child.kill('SIGKILL'))
    if (options.signal.aborted) killGroup()
    options.signal.addEventListener('abort', killGroup, { once: true })
    // A client that exits while its open standard input is unread is not an error of ours.
    child.stdin?.on('error', () => undefined)
    child.stdout?.on('data', (chunk: Buffer) => (stdout = tail(stdout + chunk.toString('utf8'))))
    child.stderr?.on('data', (chunk: Buffer) => (stderr = tail(stderr + chunk.toString('utf8'))))
    child.on('error', (error) => {
      options.signal.removeEventListener('abort', killGroup)
      tracked.release(child.pid)
      resolve({
        command: display,
        exitCode: 127,
        signal: null,
        stdoutTail: stdout,
        stderrTail: tail(`${stderr}${error.message}\n`),
      })
    })
    // The trial ends when the client exits, not when its output closes: a grandchild that keeps
    // stdout open (a `setsid` daemon) must not turn a finished client into a timeout.
    child.on('exit', (exitCode, signal) => {
      options.signal.removeEventListener('abort', killGroup)
      // Anything it left running, in its group or marked as the trial's, goes with it.
      killGroup()
      tracked.release(child.pid)
      const finish = () => resolve({ command: display, exitCode, signal, stdoutTail: stdout, stderrTail: stderr })
      // What is still in the pipes is read until they close (at once, its holders being dead), within a bound.
      const timer = setTimeout(finish, OUTPUT_DRAIN_MS)
      child.once('close', () => {
        clearTimeout(timer)
        finish()
      })
    })
  })
}

/** Splits a command line into words: single and double quotes and backslash escapes, no shell expansion. */
export function splitCommandLine(line: string): string[] {
  const words: string[] = []
  let word = ''
  let inWord = false
  let quote: '"' | "'" | undefined
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!
    if (quote) {
      if (char === quote) quote = undefined
      else if (char === '\\' && quote === '"' && i + 1 < line.length) word += line[++i]
      else word += char
    } else if (char === '"' || char === "'") {
      quote = char
      inWord = true
    } else if (char === '\\' && i + 1 < line.length) {
      word += line[++i]
      inWord = true
    } else if (/\s/.test(char)) {
      if (inWord) words.push(word)
      word = ''
      inWord = false
    } else {
      word += char
      inWord = true
    }
  }
  if (quote) throw new Error(`unclosed ${quote} quote in command: ${line}`)
  if (inWord) words.push(word)
  return words
}

/**
 * Why a command line cannot start, or undefined when its program exists and may be executed:
 * the first word (after `env` and its `NAME=value` words), looked up on PATH unless it has a `/`.
 * A program word with a `{placeholder}` is filled in per trial and cannot be checked here.
 *
 * @example
 * await commandProblem('/nonexistent/bin --flag') // '/nonexistent/bin: not found'
 */
export async function commandProblem(line: string): Promise<string | undefined> {
  const words = splitCommandLine(line)
  let index = 0
  if (words[0] === 'env') {
    index = 1
    while (index < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[index]!)) index++
  }
  const program = words[index]
  if (program === undefined) return 'no program to run'
  if (/\{[a-z-]+\}/.test(program)) return undefined
  const candidates = program.includes('/')
    ? [resolve(program)]
    : (process.env.PATH ?? '')
        .split(delimiter)
        .filter(Boolean)
        .map((dir) => join(dir, program))
  let found = false
  for (const candidate of candidates) {
    try {
      const info = await stat(candidate)
      if (!info.isFile()) continue
      found = true
      await access(candidate, constants.X_OK)
      return undefined
    } catch {
      // not this one
    }
  }
  return `${program}: ${found ? 'not executable' : program.includes('/') ? 'not found' : 'not found on PATH'}`
}
