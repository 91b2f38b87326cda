import { AGENT_PRESETS } from '../agents/presets.js'
import { GO_SDK } from './go-sdk.js'
import { JAVA_SDK } from './java-sdk.js'
import type { InstallableClient } from './installable-client.js'
import { splitVersionedName } from '../versioned-name.js'
import { PYTHON_SDK } from './python-sdk.js'
import { RUST_SDK } from './rust-sdk.js'
import { TS_SDK } from './ts-sdk.js'

/** Every built-in client installed on first use, in the order `list` shows them. */
export const INSTALLABLE_CLIENTS: readonly InstallableClient[] = [
  PYTHON_SDK,
  GO_SDK,
  RUST_SDK,
  JAVA_SDK,
  TS_SDK,
  ...AGENT_PRESETS,
]

/**
 * The installable client `NAME[@VERSION]` (or `NAME-no-oauth[@VERSION]` for an SDK whose adapter
 * also runs without its OAuth support) names, with the version asked for; undefined for any other name.
 */
export function findInstallable(text: string): { client: InstallableClient; version: string; withoutOAuth: boolean } | undefined {
  const { name, version } = splitVersionedName(text)
  const withoutOAuth = name.endsWith('-no-oauth')
  const base = withoutOAuth ? name.slice(0, -'-no-oauth'.length) : name
  const client = INSTALLABLE_CLIENTS.find((candidate) => candidate.name === base && (!withoutOAuth || candidate.oauthOptional))
  return client ? { client, version: version ?? client.pinned, withoutOAuth } : undefined
}
