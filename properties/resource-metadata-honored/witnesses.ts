// The faulty reference client(s) of `resource-metadata-honored`: SDK sessions with one bug each, proof that the property can fail.
import { faulty, rewriting } from '../../src/clients/faulty/kit.js'
import { witness, type Witness } from '../../src/property/witness.js'

/** Never sees `resource_metadata` in a 401. Violates `resource-metadata-honored` (claude-code#14428, codex#5254). */
export const ignoresResourceMetadata = faulty(
  'faulty:ignores-resource-metadata',
  'SDK client that ignores resource_metadata in WWW-Authenticate (claude-code#14428)',
  () => ({
    fetch: rewriting(
      () => undefined,
      (response) => {
        const challenge = response.headers.get('www-authenticate')
        if (!challenge?.includes('resource_metadata')) return response
        const headers = new Headers(response.headers)
        // Drop the hint only: the scope and the rest of the challenge stay as the server sent them.
        const rest = challenge
          .replace(/resource_metadata="[^"]*",?/i, '')
          .replace(/,\s*$/, '')
          .replace(/\s+/g, ' ')
          .trim()
        headers.set('www-authenticate', rest)
        return new Response(response.body, { status: response.status, statusText: response.statusText, headers })
      },
    ),
  }),
)

/** Each violates `resource-metadata-honored`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [witness(ignoresResourceMetadata)]
