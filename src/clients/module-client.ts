import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ClientUnderTest } from './client-under-test.js'
import { InputError } from '../core/errors.js'
import { catchClientFaults } from '../runtime/client-faults.js'

/** How long a client module may take to load. */
const LOAD_TIMEOUT_MS = 30_000

function isClient(value: unknown): value is ClientUnderTest {
  const v = value as Partial<ClientUnderTest> | null
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.name === 'string' &&
    typeof v.run === 'function' &&
    Array.isArray(v.transports) &&
    v.transports.length > 0 &&
    v.transports.every((t) => t === 'streamable-http' || t === 'sse')
  )
}

/**
 * Loads a user module exporting a ClientUnderTest (as `default` or `client`), on Node (TypeScript
 * through Node's type stripping) and Deno. The path is relative to the working directory.
 *
 * @example
 * const client = await loadModuleClient('./test/my-adapter.ts')
 */
export async function loadModuleClient(path: string): Promise<ClientUnderTest> {
  let loaded: Record<string, unknown>
  let timer: ReturnType<typeof setTimeout> | undefined
  try {
    // Loaded as client code: process.exit or a throw from its timers is its error, and a top-level
    // await that never settles is a bounded wait, not a hang (or Node's silent exit 13).
    let onFault: (error: unknown) => void = () => undefined
    const faulted = new Promise<never>((_, reject) => (onFault = reject))
    const stalled = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Error(`it did not finish loading within ${LOAD_TIMEOUT_MS / 1000} s (a top-level await that never settles?)`),
          ),
        LOAD_TIMEOUT_MS,
      )
    })
    loaded = (await Promise.race([
      catchClientFaults(onFault, () => import(pathToFileURL(resolve(path)).href)),
      faulted,
      stalled,
    ])) as Record<string, unknown>
  } catch (error) {
    throw new InputError(`module:${path} could not be loaded: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    })
  } finally {
    clearTimeout(timer)
  }
  const candidate = loaded.default ?? loaded.client
  if (!isClient(candidate)) {
    throw new InputError(
      `module:${path} must export (as default or as "client") an object with name (string), transports (["streamable-http" and/or "sse"]) and run(config, context)`,
    )
  }
  // Named by its path, as it was given: reports, reproduce lines, counterexamples and recordings then
  // name something `--client` can load again (`replay FILE` takes the client from the file).
  return {
    ...candidate,
    name: `module:${path}`,
    description: `${typeof candidate.description === 'string' ? candidate.description : 'a module client'} (exports "${candidate.name}")`,
  }
}
