import fc from 'fast-check'
import { applyLetterCase, letterCaseArbitrary } from './letter-case.js'

/** Custom header names as APIs use them: `X-Tenant`, `X-Api-Token`, … */
const customName = fc
  .tuple(
    fc.constantFrom('Api', 'Auth', 'Tenant', 'Org', 'Workspace', 'Client', 'Trace', 'Env'),
    fc.option(fc.constantFrom('Id', 'Token', 'Key', 'Secret')),
  )
  .map(([first, second]) => `X-${first}${second ? `-${second}` : ''}`)

/**
 * A configured header name: `X-API-Key`, `Authorization` or a custom `X-…` name, in mixed letter case.
 *
 * @example
 * fc.sample(headerNameArbitrary(), 5) // ['X-API-Key', 'authorization', 'X-Tenant-Id', …]
 */
export function headerNameArbitrary(): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.oneof({ withCrossShrink: true }, fc.constant('X-API-Key'), fc.constant('Authorization'), customName),
      letterCaseArbitrary(),
    )
    .map(([name, style]) => applyLetterCase(name, style))
}
