// A thread for client code (`node:worker_threads`, which Node and Deno both provide): unlike code in
// this thread, it can be ended while it spins, and it never keeps the process alive on its own.
import { Worker } from 'node:worker_threads'

/** How a wait for a thread's first message of a kind ended. */
export type ThreadLoad<In> = { kind: 'message'; message: In } | { kind: 'timeout' } | { kind: 'exit'; exitCode: number }

/**
 * A worker thread speaking typed messages: `Out` to it, `In` from it.
 *
 * @example
 * const thread = new ClientThread<Ask, Answer>('/pkg/dist/src/clients/module-worker.js', { path: './client.mjs' })
 * const load = await thread.firstMessage((m) => m.type === 'loaded', 30_000)
 * await thread.end()
 */
export class ClientThread<Out, In> {
  private readonly worker: Worker
  private exitCode: number | undefined

  constructor(file: string, data: unknown) {
    this.worker = new Worker(file, { workerData: data })
    // Idle or busy, a client's thread is not a reason for the harness to stay up.
    this.worker.unref()
    // An error the thread did not catch ends it; its exit is what the harness acts on.
    this.worker.on('error', () => undefined)
    this.worker.once('exit', (code) => (this.exitCode = code))
  }

  /** Whether the thread has ended (on its own, or by `end`). */
  get ended(): boolean {
    return this.exitCode !== undefined
  }

  post(message: Out): void {
    if (this.exitCode === undefined) this.worker.postMessage(message)
  }

  /** Calls `listener` with each message; returns the function that stops it. */
  onMessage(listener: (message: In) => void): () => void {
    this.worker.on('message', listener)
    return () => void this.worker.off('message', listener)
  }

  /** Calls `listener` when the thread ends (at once if it has); returns the function that stops it. */
  onExit(listener: (exitCode: number) => void): () => void {
    if (this.exitCode !== undefined) {
      queueMicrotask(() => listener(this.exitCode!))
      return () => undefined
    }
    this.worker.once('exit', listener)
    return () => void this.worker.off('exit', listener)
  }

  /** Waits for the first message `wanted` accepts, the thread's end, or `timeoutMs`, whichever is first. */
  firstMessage(wanted: (message: In) => boolean, timeoutMs: number): Promise<ThreadLoad<In>> {
    return new Promise((resolve) => {
      const done = (load: ThreadLoad<In>) => {
        clearTimeout(timer)
        offMessage()
        offExit()
        resolve(load)
      }
      const timer = setTimeout(() => done({ kind: 'timeout' }), timeoutMs)
      const offMessage = this.onMessage((message) => wanted(message) && done({ kind: 'message', message }))
      const offExit = this.onExit((exitCode) => done({ kind: 'exit', exitCode }))
    })
  }

  /** Ends the thread, even one spinning in a loop. */
  async end(): Promise<void> {
    if (this.exitCode === undefined) await this.worker.terminate()
  }
}
