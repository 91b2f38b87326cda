// The messages between a `module:` client's thread (module-worker.ts) and the harness
// (module-client.ts). Everything in them is plain data: a config in, an outcome out.
import type { ClientConfig } from '../core/client-config.js'
import type { ProcessReport } from '../core/trial.js'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ClientUnderTest } from './client-under-test.js'
import { catchClientFaults } from '../runtime/client-faults.js'

/** What the harness keeps of the exported client: everything but `run`, which stays in its thread. */
export type ClientExport = Omit<ClientUnderTest, 'run'>

/** An error as it crosses the thread boundary. */
export interface ThreadError {
  name: string
  message: string
}

export type ModuleToThread =
  { type: 'run'; id: number; config: ClientConfig; env?: Readonly<Record<string, string>> } | { type: 'abort'; id: number }

export type ThreadToModule =
  | { type: 'loaded'; client: ClientExport }
  | { type: 'load-error'; message: string }
  | { type: 'not-a-client' }
  | { type: 'rejection'; what: string }
  | { type: 'process'; id: number; report: ProcessReport }
  | { type: 'start-clock'; id: number }
  /** The session ended: `error` when run rejected, `fault` when the client threw outside any promise. */
  | { type: 'done'; id: number; consoleTail: string[]; error?: ThreadError; fault?: ThreadError }

/** The plain-data fields a client export may declare (its `run` is not sent). */
const DATA_FIELDS = [
  'name',
  'description',
  'transports',
  'network',
  'startsClock',
  'minTimeoutMs',
  'acceptsOAuthClientId',
  'configurableHeaders',
  'grants',
  'dpop',
  'version',
  'releasedAt',
  'dependencies',
] as const

/**
 * The export's data when it is a client (a name, a `run` function and transports it speaks), or
 * undefined when it is not one.
 *
 * @example
 * describeClientExport({ name: 'x', transports: ['sse'], run: async () => {} }) // { name: 'x', transports: ['sse'] }
 */
export function describeClientExport(value: unknown): ClientExport | undefined {
  const v = value as Partial<ClientUnderTest> | null
  const isClient =
    typeof v === 'object' &&
    v !== null &&
    typeof v.name === 'string' &&
    typeof v.run === 'function' &&
    Array.isArray(v.transports) &&
    v.transports.length > 0 &&
    v.transports.every((t) => t === 'streamable-http' || t === 'sse')
  if (!isClient) return undefined
  const data: Record<string, unknown> = {}
  for (const field of DATA_FIELDS) if (v[field] !== undefined) data[field] = structuredClone(v[field])
  return data as unknown as ClientExport
}

/**
 * Imports a client module and returns what it exports as its client (`default`, else `client`):
 * process.exit or a throw from its timers while it loads rejects, as a load error of the module.
 *
 * @example
 * const candidate = await importClientModule('./my-adapter.mjs')
 */
export async function importClientModule(path: string): Promise<unknown> {
  let onFault: (error: unknown) => void = () => undefined
  const faulted = new Promise<never>((_, reject) => (onFault = reject))
  const loaded = (await Promise.race([
    catchClientFaults(onFault, () => import(pathToFileURL(resolve(path)).href)),
    faulted,
  ])) as Record<string, unknown>
  return loaded.default ?? loaded.client
}
