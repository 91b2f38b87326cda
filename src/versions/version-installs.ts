import type { ClientUnderTest } from '../clients/client-under-test.js'
import type { InstallableClient } from '../clients/provision/installable-client.js'
import { resolveClient } from '../resolve/resolve-client.js'

/** Installs of a client's releases, each started once and shared; a failed one is its Error, not a rejection. */
export interface VersionInstalls {
  /** The client at `version`, installing it on first call (progress lines prefixed `[VERSION]`). */
  get(version: string): Promise<ClientUnderTest | Error>
  /** Whether `version`'s install was started. */
  has(version: string): boolean
}

/**
 * The one way `bisect` and `matrix` install releases (through `resolveClient`, as `--client
 * NAME@VERSION` does): concurrently, once per version, and a release that cannot be installed is a
 * value to report, never a crash.
 *
 * @example
 * const installs = versionInstalls(GO_SDK, false, (line) => writeErr(`${line}\n`))
 * const client = await installs.get('1.6.0')
 */
export function versionInstalls(
  installable: InstallableClient,
  withoutOAuth: boolean,
  log: (line: string) => void,
): VersionInstalls {
  const started = new Map<string, Promise<ClientUnderTest | Error>>()
  return {
    get(version) {
      let pending = started.get(version)
      if (!pending) {
        const name = `${installable.name}${withoutOAuth ? '-no-oauth' : ''}@${version}`
        pending = resolveClient(name, { log: (line) => log(`[${version}] ${line.trim()}`) })
          .then((resolved) => resolved.client)
          .catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))))
        started.set(version, pending)
      }
      return pending
    },
    has: (version) => started.has(version),
  }
}
