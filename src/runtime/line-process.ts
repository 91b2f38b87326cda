// A long-lived client process spoken to in lines: one line in on its standard input, lines back on
// its standard output (session-loop adapters). `node:child_process` and `node:readline` are provided
// by Node and Deno.
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { killProcessGroup, trackProcess } from './child-process.js'

const TAIL_CHARS = 4000

function tail(text: string): string {
  return text.length > TAIL_CHARS ? `…${text.slice(-TAIL_CHARS)}` : text
}

/** How a line process ended. */
export interface LineProcessExit {
  exitCode: number | null
  signal: string | null
}

/** A running process with line-wise standard input and output. */
export interface LineProcess {
  readonly command: string
  /** Its process id (undefined when it could not start). */
  readonly pid: number | undefined
  /** Writes one line (a newline is added). */
  send(line: string): void
  /**
   * The next standard-output line `accept` takes; the lines it does not take are kept as output.
   * Rejects when the process exits first, or when `signal` aborts.
   */
  nextLine(accept: (line: string) => boolean, signal?: AbortSignal): Promise<string>
  /** Settles when the process has exited. */
  readonly exited: Promise<LineProcessExit>
  /** Whether it has exited. */
  readonly running: boolean
  /** The output (tails of both streams) since the last call: each session's own. */
  takeOutput(): { stdout: string; stderr: string }
  /** Kills its process group and every process carrying its marker. */
  kill(): void
  /** While idle it does not keep this process alive; its standard input closing (our exit) ends it. */
  setIdle(idle: boolean): void
}

/**
 * Starts `command args` in its own process group with piped standard streams. Never throws for what
 * the process does: a command that cannot start exits with code 127.
 *
 * @example
 * const adapter = startLineProcess('python3', ['client.py'], { MCP_SESSION_LOOP: '1' })
 * adapter.send(JSON.stringify({ session: 1, url }))
 * const answer = await adapter.nextLine((line) => line.startsWith('{'))
 */
export function startLineProcess(command: string, args: readonly string[], env: Record<string, string>): LineProcess {
  const tracked = trackProcess(env)
  const child = spawn(command, args, { env: tracked.env, stdio: ['pipe', 'pipe', 'pipe'], detached: true })
  tracked.started(child.pid)
  let stdout = ''
  let stderr = ''
  let running = true
  const waiting = new Set<{ accept: (line: string) => boolean; resolve: (line: string) => void }>()
  const exited = new Promise<LineProcessExit>((resolve) => {
    child.on('error', (error) => {
      stderr = tail(`${stderr}${error.message}\n`)
      resolve({ exitCode: 127, signal: null })
    })
    child.on('exit', (exitCode, signal) => resolve({ exitCode, signal }))
  }).then((exit) => {
    running = false
    kill()
    tracked.release(child.pid)
    return exit
  })
  const kill = () => killProcessGroup(child.pid, tracked.marker, () => child.kill('SIGKILL'))
  // Our end of a pipe the process closed is not an error of ours.
  child.stdin.on('error', () => undefined)
  child.stderr.on('data', (chunk: Buffer) => (stderr = tail(stderr + chunk.toString('utf8'))))
  createInterface({ input: child.stdout, crlfDelay: Infinity }).on('line', (line) => {
    for (const waiter of waiting) {
      if (!waiter.accept(line)) continue
      waiting.delete(waiter)
      waiter.resolve(line)
      return
    }
    stdout = tail(`${stdout}${line}\n`)
  })
  const streams = [child.stdout, child.stderr, child.stdin] as const
  return {
    command: [command, ...args].join(' '),
    pid: child.pid,
    send: (line) => void child.stdin.write(`${line}\n`),
    nextLine: (accept, signal) =>
      new Promise<string>((resolve, reject) => {
        const waiter = { accept, resolve }
        const fail = (why: string) => {
          waiting.delete(waiter)
          reject(new Error(why))
        }
        waiting.add(waiter)
        void exited.then((exit) => fail(`the process exited (${exit.signal ?? `code ${exit.exitCode}`})`))
        signal?.addEventListener('abort', () => fail('aborted'), { once: true })
      }),
    exited,
    get running() {
      return running
    },
    takeOutput() {
      const output = { stdout, stderr }
      stdout = stderr = ''
      return output
    },
    kill,
    setIdle(idle) {
      for (const stream of streams) {
        const handle = stream as unknown as { unref?: () => void; ref?: () => void }
        if (idle) handle.unref?.()
        else handle.ref?.()
      }
      if (idle) child.unref()
      else child.ref()
    },
  }
}
