// Which trial a request belongs to, followed through async calls. `node:async_hooks` is provided by
// Node and Deno; this is the only module that uses it.
import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * A value that code run inside `run` (and everything it starts, including `fetch` calls and their
 * interception) can read back with `get`.
 *
 * @example
 * const owner = new AsyncSlot<string>()
 * await owner.run('trial-1', async () => { owner.get() // 'trial-1' })
 */
export class AsyncSlot<T> {
  private readonly storage = new AsyncLocalStorage<T>()

  run<R>(value: T, body: () => R): R {
    return this.storage.run(value, body)
  }

  get(): T | undefined {
    return this.storage.getStore()
  }
}
