import fc from 'fast-check'
import type { Transport } from '../config/client-config.js'

/**
 * A transport among those the client supports; shrinks towards the first.
 *
 * @example
 * fc.sample(transportArbitrary(['streamable-http', 'sse']), 2)
 */
export function transportArbitrary(supported: readonly Transport[]): fc.Arbitrary<Transport> {
  return fc.constantFrom(...supported)
}
