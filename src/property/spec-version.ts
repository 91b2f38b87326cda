import type { Trial } from '../core/trial.js'
import { isModernVersion } from '../core/scenario.js'
import { NOT_JSON, parseJsonOr } from '../core/json.js'
import { negotiatedVersion } from '../traffic/negotiated-version.js'

/** The version a 2026-era request claimed in its `_meta` and the server answered with success. */
function modernVersionAnswered(trial: Trial): string | undefined {
  for (const exchange of trial.exchanges) {
    if (exchange.method !== 'POST' || exchange.status === undefined || exchange.status >= 300) continue
    const body = parseJsonOr(exchange.requestBody ?? '', NOT_JSON)
    if (body === NOT_JSON) continue
    const version = (body as { params?: { _meta?: Record<string, unknown> } } | null)?.params?._meta?.[
      'io.modelcontextprotocol/protocolVersion'
    ]
    if (typeof version === 'string' && isModernVersion(version)) return version
  }
  return undefined
}

/**
 * The newest protocol version the trial's server speaks: from the scenario when there is one,
 * else the version negotiated in the traffic (by `initialize`, or a 2026-era request the server
 * answered), else undefined. Authorization happens before `initialize` succeeds, so the server's
 * newest version is what a client can be held to.
 */
export function serverVersion(trial: Trial): string | undefined {
  const versions = trial.scenario?.protocolVersions
  if (versions && versions.length > 0) return [...versions].sort().at(-1)
  return negotiatedVersion(trial.exchanges)?.version ?? modernVersionAnswered(trial)
}

/**
 * Whether a rule introduced in `since` applies to the trial (ISO dates compare as strings). When
 * the version is unknown (a recording that stops at a 401), every rule up to 2025-11-25 applies;
 * the 2026-07-28 era's rules need evidence that the server speaks it, or a 2025 session would be
 * held to requirements written a year later.
 */
export function ruleApplies(trial: Trial, since: string): boolean {
  const version = serverVersion(trial)
  return version === undefined ? !isModernVersion(since) : version >= since
}
