// The faulty reference client(s) of `mcp-name-encoded`: SDK sessions with one bug each, proof that the property can fail.
import type { ClientUnderTest } from '../../src/clients/client-under-test.js'
import { HeadlessOAuthProvider } from '../../src/clients/headless-oauth-provider.js'
import { runSdk2Session } from '../../src/clients/sdk2-clients.js'
import { editingHeaders } from '../../src/clients/faulty/kit.js'
import { sentinelText } from '../../src/spec/modern-headers.js'
import { negotiatingV2 } from '../../src/clients/faulty/sdk2-kit.js'
import { witness, type Witness } from '../../src/property/witness.js'

/**
 * The v2 client in the 2026-07-28 era that puts the tool name into `Mcp-Name` as it is, never
 * Base64-encoded (a Latin-1 name gets onto the wire that way). Violates `mcp-name-encoded`.
 */
export const rawMcpName: ClientUnderTest = negotiatingV2({
  name: 'faulty:raw-mcp-name',
  description: 'v2 SDK client in the 2026-07-28 era that sends a non-ASCII tool name in Mcp-Name raw, not Base64-encoded',
  transports: ['streamable-http'],
  run: (config, context) =>
    runSdk2Session(config, context, new HeadlessOAuthProvider(config), {
      modern: true,
      fetch: editingHeaders((_, headers) => {
        const decoded = sentinelText(headers.get('mcp-name') ?? '')
        if (decoded !== undefined) headers.set('mcp-name', decoded)
      }) as typeof fetch,
    }),
})

/** Each violates `mcp-name-encoded`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [witness(rawMcpName)]
