import semver from 'semver'
import { findInstallable, INSTALLABLE_CLIENTS, unsupportedVersion } from '../clients/provision/installable-clients.js'
import type { InstallableClient } from '../clients/provision/installable-client.js'
import { InputError } from '../core/errors.js'

/** A client `bisect` and `matrix` can walk the releases of, and whether its adapter runs without OAuth. */
export interface VersionedClient {
  installable: InstallableClient
  withoutOAuth: boolean
  /** How it is named on the command line: `python-sdk`, `go-sdk-no-oauth`. */
  name: string
}

/**
 * The installable client `--client NAME` names for a command over its releases: a name without a
 * version (the versions come from their own flags), of a client whose registry lists releases.
 *
 * @example
 * installableNamed('python-sdk', 'bisect') // { installable: PYTHON_SDK, withoutOAuth: false, name: 'python-sdk' }
 */
export function installableNamed(text: string, command: string): VersionedClient {
  const found = findInstallable(text)
  const names = INSTALLABLE_CLIENTS.map((c) => c.name).join(', ')
  if (!found)
    throw new InputError(
      `${command} walks the releases of a client installed from its registry; "${text.slice(0, 80)}" is not one (${names}). A cmd: or module: client has no releases to walk`,
    )
  if (text.includes('@'))
    throw new InputError(
      `${command} --client takes a name without a version (${text.split('@')[0]}): the versions come from their own flags`,
    )
  if (!found.client.versions) throw new InputError(`${found.client.name}: its registry cannot list releases`)
  return { installable: found.client, withoutOAuth: found.withoutOAuth, name: text }
}

/**
 * Its released versions the harness supports, oldest first: from its `oldest` on. A named version
 * older than that is a usage error that says so (not "unreleased").
 */
export async function supportedVersions(client: VersionedClient, named: readonly string[] = []): Promise<string[]> {
  const all = await client.installable.versions!()
  const oldest = client.installable.oldest
  if (!oldest) return all
  for (const version of named) {
    const unsupported = unsupportedVersion(client.installable, version)
    if (unsupported) throw new InputError(unsupported)
  }
  return all.filter((v) => semver.gte(v, oldest))
}
