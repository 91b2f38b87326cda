// The faulty reference client(s) of `param-values-encoded`: SDK sessions with one bug each, proof that the property can fail.
import type { ClientUnderTest } from '../../src/clients/client-under-test.js'
import { HeadlessOAuthProvider } from '../../src/clients/headless-oauth-provider.js'
import { runSdk2Session } from '../../src/clients/sdk2-clients.js'
import { editingHeaders } from '../../src/clients/faulty/kit.js'
import { negotiatingV2 } from '../../src/clients/faulty/sdk2-kit.js'
import { sentinelText } from '../../src/spec/modern-headers.js'
import { witness, type Witness } from '../../src/property/witness.js'

/**
 * The v2 client in the 2026-07-28 era that puts parameter values into `Mcp-Param-{Name}` as they
 * are, never Base64-encoded (a Latin-1 value gets onto the wire that way). Violates `param-values-encoded`.
 */
export const rawParamValues: ClientUnderTest = negotiatingV2({
  name: 'faulty:raw-param-values',
  description: 'v2 SDK client in the 2026-07-28 era that sends non-ASCII Mcp-Param-{Name} values raw, not Base64-encoded',
  transports: ['streamable-http'],
  run: (config, context) =>
    runSdk2Session(config, context, new HeadlessOAuthProvider(config), {
      modern: true,
      fetch: editingHeaders((_, headers) => {
        for (const [name, value] of Array.from(headers.entries())) {
          const decoded = name.startsWith('mcp-param-') ? sentinelText(value) : undefined
          if (decoded !== undefined) headers.set(name, decoded)
        }
      }) as typeof fetch,
    }),
})

/** Each violates `param-values-encoded`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [witness(rawParamValues)]
