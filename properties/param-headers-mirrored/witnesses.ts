// The faulty reference client(s) of `param-headers-mirrored`: SDK sessions with one bug each, proof that the property can fail.
import type { ClientUnderTest } from '../../src/clients/client-under-test.js'
import { HeadlessOAuthProvider } from '../../src/clients/headless-oauth-provider.js'
import { runSdk2Session } from '../../src/clients/sdk2-clients.js'
import { editingHeaders } from '../../src/clients/faulty/kit.js'
import { negotiatingV2 } from '../../src/clients/faulty/sdk2-kit.js'
import { witness, type Witness } from '../../src/property/witness.js'

/**
 * The v2 client in the 2026-07-28 era whose HTTP layer drops the `Mcp-Param-*` headers (a proxy or
 * a 2025-era header allow-list). Violates `param-headers-mirrored`.
 */
export const dropsParamHeaders: ClientUnderTest = negotiatingV2({
  name: 'faulty:drops-param-headers',
  description:
    'v2 SDK client in the 2026-07-28 era whose tools/call lacks the Mcp-Param-{Name} headers of x-mcp-header parameters',
  transports: ['streamable-http'],
  run: (config, context) =>
    runSdk2Session(config, context, new HeadlessOAuthProvider(config), {
      modern: true,
      fetch: editingHeaders((_, headers) => {
        for (const name of Array.from(headers.keys())) if (name.startsWith('mcp-param-')) headers.delete(name)
      }) as typeof fetch,
    }),
})

/** Each violates `param-headers-mirrored`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [witness(dropsParamHeaders)]
