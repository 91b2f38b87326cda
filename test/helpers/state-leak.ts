import type { Trial } from '../../src/core/trial.js'
import { issuedTokens, registeredClients } from '../../src/traffic/oauth-flow.js'

/**
 * What trial `earlier` was given or issued (configured header values, access tokens, registered
 * client ids) that shows up in a request of `later`: state that outlived its session.
 */
export function leakedState(earlier: Trial, later: Trial): string[] {
  const own = new Set(Object.values(later.config.headers))
  const held = [
    ...Object.values(earlier.config.headers),
    ...issuedTokens(earlier).map((issued) => issued.token),
    ...registeredClients(earlier).map((registered) => registered.clientId),
  ].filter((value) => !own.has(value))
  const sent = later.exchanges.map((e) => [e.url, e.requestBody ?? '', ...e.requestHeaders.map(([, value]) => value)].join('\n'))
  return held.filter((value) => sent.some((text) => text.includes(value)))
}

/** The session-loop process a trial ran in, from its process report. */
export const processOf = (trial: Trial) => /session-loop process (\d+)/.exec(trial.process?.command ?? '')?.[1]
