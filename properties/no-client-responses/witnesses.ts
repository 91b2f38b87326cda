// The faulty reference client(s) of `no-client-responses`: SDK sessions with one bug each, proof that the property can fail.
import type { ClientUnderTest } from '../../src/clients/client-under-test.js'
import { HeadlessOAuthProvider } from '../../src/clients/headless-oauth-provider.js'
import { runSdk2Session } from '../../src/clients/sdk2-clients.js'
import { jsonRpcMethod } from '../../src/core/exchange.js'
import { negotiatingV2 } from '../../src/clients/faulty/sdk2-kit.js'
import { witness, type Witness } from '../../src/property/witness.js'

/**
 * After its first modern `tools/list` is answered, POSTs a ping answer (`{"id":…,"result":{}}`) as
 * a 2025-era client answers the server's pings over the same endpoint: the 2026-07-28 transport
 * carries no responses from the client.
 */
function answeringPings(): typeof fetch {
  let answered = false
  return async (input, init) => {
    const answer = await fetch(input, init)
    const body = typeof init?.body === 'string' ? init.body : undefined
    if (answered || answer.status !== 200 || jsonRpcMethod(body) !== 'tools/list') return answer
    answered = true
    const headers = new Headers(init?.headers)
    headers.delete('mcp-method')
    headers.delete('mcp-name')
    headers.set('content-type', 'application/json')
    const ping = JSON.stringify({ jsonrpc: '2.0', id: 'ping-1', result: {} })
    await fetch(input, { method: 'POST', headers, body: ping })
      .then((r) => r.body?.cancel())
      .catch(() => undefined)
    return answer
  }
}

/** The v2 client in the 2026-07-28 era that POSTs a JSON-RPC response. Violates `no-client-responses`. */
export const sendsResponses: ClientUnderTest = negotiatingV2({
  name: 'faulty:sends-responses',
  description: 'v2 SDK client in the 2026-07-28 era that POSTs a ping answer (a JSON-RPC response), as 2025-era clients did',
  transports: ['streamable-http'],
  run: (config, context) =>
    runSdk2Session(config, context, new HeadlessOAuthProvider(config), { modern: true, fetch: answeringPings() }),
})

/** Each violates `no-client-responses`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [witness(sendsResponses)]
