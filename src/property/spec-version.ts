import type { Trial } from '../core/trial.js'
import { negotiatedVersion } from '../traffic/negotiated-version.js'

/**
 * The newest protocol version the trial's server speaks: from the scenario when there is one,
 * else the version negotiated in the traffic, else undefined (unknown: every rule applies).
 * Authorization happens before `initialize` succeeds, so the server's newest version is what a
 * client can be held to.
 */
export function serverVersion(trial: Trial): string | undefined {
  const versions = trial.scenario?.protocolVersions
  if (versions && versions.length > 0) return [...versions].sort().at(-1)
  return negotiatedVersion(trial.exchanges)?.version
}

/** Whether a rule introduced in `since` applies to the trial (ISO dates compare as strings). */
export function ruleApplies(trial: Trial, since: string): boolean {
  const version = serverVersion(trial)
  return version === undefined || version >= since
}
