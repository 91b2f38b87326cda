import fc from 'fast-check'
import { PROTOCOL_VERSIONS, type ProtocolVersion } from '../core/scenario.js'

/**
 * A non-empty, ordered set of protocol versions the server accepts (2024-11-05 … 2025-11-25).
 *
 * @example
 * fc.sample(protocolVersionsArbitrary(), 2) // [['2025-06-18', '2025-11-25'], ['2024-11-05']]
 */
export function protocolVersionsArbitrary(): fc.Arbitrary<ProtocolVersion[]> {
  return fc
    .subarray([...PROTOCOL_VERSIONS].reverse(), { minLength: 1 })
    .map((versions) => PROTOCOL_VERSIONS.filter((version) => versions.includes(version)))
}
