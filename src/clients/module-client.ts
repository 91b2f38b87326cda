import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ClientUnderTest } from './client-under-test.js'

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
  try {
    loaded = (await import(pathToFileURL(resolve(path)).href)) as Record<string, unknown>
  } catch (error) {
    throw new Error(`module:${path} could not be loaded: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    })
  }
  const candidate = loaded.default ?? loaded.client
  if (!isClient(candidate)) {
    throw new Error(
      `module:${path} must export (as default or as "client") an object with name (string), transports (["streamable-http" and/or "sse"]) and run(config, context)`,
    )
  }
  return { ...candidate, name: candidate.name.startsWith('module:') ? candidate.name : `module:${candidate.name}` }
}
