// The faulty reference client(s) of `metadata-before-default-endpoints`: SDK sessions with one bug each, proof that the property can fail.
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js'
import { faulty } from '../../src/clients/faulty/kit.js'
import { isAsMetadataPath } from '../../src/spec/well-known.js'
import { witness, type Witness } from '../../src/property/witness.js'

/** Never asks for authorization server metadata: the SDK is told "404" without a request, and falls back to the defaults. */
const skippingAsMetadata: FetchLike = async (input, init) => {
  const url = new URL(String(input instanceof Request ? input.url : input))
  if (isAsMetadataPath(url.pathname)) return new Response(null, { status: 404 })
  return fetch(input, init)
}

/** Goes straight to /authorize, /token and /register. Violates `metadata-before-default-endpoints`. */
export const skipsAsMetadata = faulty(
  'faulty:skips-as-metadata',
  'SDK client that never asks for authorization server metadata and uses the 2025-03-26 default endpoints straight away',
  () => ({ fetch: skippingAsMetadata }),
)

/** Each violates `metadata-before-default-endpoints`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [witness(skipsAsMetadata)]
