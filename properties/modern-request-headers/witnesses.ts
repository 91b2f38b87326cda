// The faulty reference client(s) of `modern-request-headers`: SDK sessions with one bug each, proof that the property can fail.
import type { ClientUnderTest } from '../../src/clients/client-under-test.js'
import { HeadlessOAuthProvider } from '../../src/clients/headless-oauth-provider.js'
import { runSdk2Session } from '../../src/clients/sdk2-clients.js'
import { editingHeaders } from '../../src/clients/faulty/kit.js'
import { negotiatingV2 } from '../../src/clients/faulty/sdk2-kit.js'
import { witness, type Witness } from '../../src/property/witness.js'

/**
 * The v2 client in the 2026-07-28 era that leaves `Mcp-Method` off its POSTs (the header a
 * 2025-era HTTP layer knows nothing about). Violates `modern-request-headers`.
 */
export const noMcpMethod: ClientUnderTest = negotiatingV2({
  name: 'faulty:no-mcp-method',
  description: 'v2 SDK client in the 2026-07-28 era whose POSTs lack Mcp-Method',
  transports: ['streamable-http'],
  run: (config, context) =>
    runSdk2Session(config, context, new HeadlessOAuthProvider(config), {
      modern: true,
      fetch: editingHeaders((_, headers) => headers.delete('mcp-method')) as typeof fetch,
    }),
})

/** Each violates `modern-request-headers`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [witness(noMcpMethod)]
