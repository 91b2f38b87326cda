// The faulty reference client(s) of `registration-covers-requested-scope`: SDK sessions with one bug each, proof that the property can fail.
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js'
import { faulty } from '../../src/clients/faulty/kit.js'
import { witness, type Witness } from '../../src/property/witness.js'

/** A fetch that sends dynamic registrations without their `scope` field. */
const registeringWithoutScope: FetchLike = async (input, init) => {
  const url = String(input instanceof Request ? input.url : input)
  if (init?.method === 'POST' && /\/register\/?$/.test(new URL(url).pathname) && typeof init.body === 'string') {
    const { scope: _, ...body } = JSON.parse(init.body) as Record<string, unknown>
    return fetch(url, { ...init, body: JSON.stringify(body) })
  }
  return fetch(input, init)
}

/**
 * Registers without `scope`, then asks for the 401's scope (as SDKs did before they applied the
 * scope selection to registration). Violates `registration-covers-requested-scope`.
 */
export const registersNoScope = faulty(
  'faulty:registers-no-scope',
  'SDK client whose dynamic registration names no scope, then asks for one',
  () => ({ fetch: registeringWithoutScope }),
)

/** Each violates `registration-covers-requested-scope`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [witness(registersNoScope)]
