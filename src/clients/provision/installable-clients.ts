import semver from 'semver'
import { InputError } from '../../core/errors.js'
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
 * Why the harness cannot drive `version` of `client` (older than the oldest release its adapter or
 * config writer supports), in one line; undefined when it can. Every command refuses such a
 * release before installing it: a verdict on a client the harness cannot drive would blame the client.
 *
 * @example
 * unsupportedVersion(MCP_REMOTE, '0.1.1') // "mcp-remote 0.1.1: the harness runs mcp-remote from 0.5.0 on (…)"
 */
export function unsupportedVersion(client: InstallableClient, version: string): string | undefined {
  if (!client.oldest || !semver.valid(version) || semver.gte(version, client.oldest)) return undefined
  return `${client.name} ${version}: the harness runs ${client.name} from ${client.oldest} on (its adapter needs what that release has)`
}

/**
 * The installable client `NAME[@VERSION]` (or `NAME-no-oauth[@VERSION]` for an SDK whose adapter
 * also runs without its OAuth support) names, with the version asked for; undefined for any other
 * name; an InputError for a release older than the client's oldest supported one.
 */
export function findInstallable(text: string): { client: InstallableClient; version: string; withoutOAuth: boolean } | undefined {
  const { name, version } = splitVersionedName(text)
  const withoutOAuth = name.endsWith('-no-oauth')
  const base = withoutOAuth ? name.slice(0, -'-no-oauth'.length) : name
  const client = INSTALLABLE_CLIENTS.find((candidate) => candidate.name === base && (!withoutOAuth || candidate.oauthOptional))
  if (!client) return undefined
  const unsupported = version === undefined ? undefined : unsupportedVersion(client, version)
  if (unsupported) throw new InputError(unsupported)
  return { client, version: version ?? client.pinned, withoutOAuth }
}
