import type { ClientUnderTest } from '../client-under-test.js'
import { GO_SDK } from './go-sdk.js'
import { JAVA_SDK } from './java-sdk.js'
import type { InstallableClient } from './installable-client.js'
import { installedClient, splitVersionedName } from './provision.js'
import { PYTHON_SDK } from './python-sdk.js'

/** Every built-in client installed on first use, in the order `list` shows them. */
export const INSTALLABLE_CLIENTS: readonly InstallableClient[] = [PYTHON_SDK, GO_SDK, JAVA_SDK]

/** The installable client `NAME[@VERSION]` names, with the version asked for; undefined for any other name. */
export function findInstallable(text: string): { client: InstallableClient; version: string } | undefined {
  const { name, version } = splitVersionedName(text)
  const client = INSTALLABLE_CLIENTS.find((candidate) => candidate.name === name)
  return client ? { client, version: version ?? client.pinned } : undefined
}

/** `NAME[@VERSION]` as a ready client, installed first when the cache lacks it; undefined for any other name. */
export async function resolveInstallable(text: string): Promise<ClientUnderTest | undefined> {
  const found = findInstallable(text)
  return found ? installedClient(found.client, found.version) : undefined
}
