import type { ClientUnderTest } from '../clients/client-under-test.js'
import type { Property } from './property.js'

/**
 * A faulty reference client of a property: an SDK session with one bug, which must violate the
 * property (proof it can fail), shrink, and not be blamed by any other property except
 * `consequences`, the ones its one bug breaks too.
 */
export interface Witness {
  client: ClientUnderTest
  consequences: readonly string[]
}

/**
 * A witness; `consequences` names the other properties its bug also violates.
 *
 * @example
 * export const witnesses = [witness(dropsHeaders), witness(acceptsAnyResource, 'resource-parameter')]
 */
export function witness(client: ClientUnderTest, ...consequences: string[]): Witness {
  return { client, consequences }
}

/** A witness with the property it exists to violate: what the tests and the mutant benchmark iterate. */
export interface FaultyCase extends Witness {
  property: Property
}
