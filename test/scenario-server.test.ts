import { describe, expect, it } from 'vitest'
import { InProcessNetwork } from '../src/network/in-process-network.js'
import { createScenarioServer } from '../src/scenario/scenario-server.js'
import type { Challenge, Scenario } from '../src/core/scenario.js'
import { scenario } from './helpers/trials.js'

const ACCEPT = 'application/json, text/event-stream'

function rpc(method: string, id?: number, params: object = {}) {
  return JSON.stringify({ jsonrpc: '2.0', ...(id === undefined ? {} : { id }), method, params })
}

/** Runs `body` with the scenario served in process; closes its streams afterwards. */
async function withServer<T>(s: Scenario, body: () => Promise<T>): Promise<T> {
  const server = createScenarioServer(s)
  try {
    return (await InProcessNetwork.shared().run(server.handlers, body)).value
  } finally {
    server.close()
  }
}

describe('Streamable HTTP mock server', () => {
  it('negotiates the version the client asks for when it supports it, else its newest', async () => {
    const s = scenario({ sessions: false, protocolVersions: ['2025-03-26', '2025-06-18'] })
    await withServer(s, async () => {
      const post = (version: string) =>
        fetch('http://mcp.test/mcp', {
          method: 'POST',
          headers: { accept: ACCEPT },
          body: rpc('initialize', 1, { protocolVersion: version }),
        })
      expect((await (await post('2025-03-26')).json()).result.protocolVersion).toBe('2025-03-26')
      expect((await (await post('2024-11-05')).json()).result.protocolVersion).toBe('2025-06-18')
    })
  })

  it('issues a session id, requires it (400 without, 404 unknown), answers notifications 202 and DELETE 200', async () => {
    await withServer(scenario(), async () => {
      const init = await fetch('http://mcp.test/mcp', { method: 'POST', headers: { accept: ACCEPT }, body: rpc('initialize', 1) })
      const session = init.headers.get('mcp-session-id')!
      expect(session).toBeTruthy()
      const post = (headers: Record<string, string>, body: string) =>
        fetch('http://mcp.test/mcp', { method: 'POST', headers: { accept: ACCEPT, ...headers }, body })
      expect((await post({}, rpc('tools/list', 2))).status).toBe(400)
      expect((await post({ 'mcp-session-id': 'nope' }, rpc('tools/list', 2))).status).toBe(404)
      expect((await post({ 'mcp-session-id': session }, rpc('notifications/initialized'))).status).toBe(202)
      const list = await (await post({ 'mcp-session-id': session }, rpc('tools/list', 3))).json()
      expect(list.result.tools[0].name).toBe('echo')
      expect((await fetch('http://mcp.test/mcp', { method: 'DELETE', headers: { 'mcp-session-id': session } })).status).toBe(200)
      expect((await post({ 'mcp-session-id': session }, rpc('tools/list', 4))).status).toBe(404)
    })
  })

  it('answers with an SSE stream in sse mode, 405 on GET and DELETE when configured so', async () => {
    await withServer(scenario({ sessions: false, responseMode: 'sse', getStream: '405', deleteAllowed: false }), async () => {
      const response = await fetch('http://mcp.test/mcp', { method: 'POST', headers: { accept: ACCEPT }, body: rpc('ping', 5) })
      expect(response.headers.get('content-type')).toBe('text/event-stream')
      expect(await response.text()).toBe('event: message\ndata: {"jsonrpc":"2.0","id":5,"result":{}}\n\n')
      expect((await fetch('http://mcp.test/mcp', { headers: { accept: 'text/event-stream' } })).status).toBe(405)
      expect((await fetch('http://mcp.test/mcp', { method: 'DELETE' })).status).toBe(405)
    })
  })

  it('serves 404 JSON or HTML everywhere else, well-known URIs and /register included', async () => {
    await withServer(scenario({ notFound: '404-json' }), async () => {
      const response = await fetch('http://mcp.test/.well-known/oauth-protected-resource/mcp')
      expect([response.status, await response.text()]).toEqual([404, '{"detail":"Not Found"}'])
      expect((await fetch('http://other.test/register', { method: 'POST' })).status).toBe(404)
    })
    await withServer(scenario({ notFound: '404-html' }), async () => {
      const response = await fetch('http://mcp.test/.well-known/openid-configuration')
      expect(response.headers.get('content-type')).toContain('text/html')
    })
  })

  it('places the endpoint at another path than configured when the scenario says so', async () => {
    await withServer(scenario({ endpointPath: '/mcp', sessions: false }), async () => {
      expect((await fetch('http://mcp.test/', { method: 'POST', body: rpc('ping', 1) })).status).toBe(404)
      expect((await fetch('http://mcp.test/mcp', { method: 'POST', body: rpc('ping', 1) })).status).toBe(200)
    })
  })
})

describe('auth challenges', () => {
  const cases: Array<[Challenge, number, string | null]> = [
    ['bearer-resource-metadata', 401, 'Bearer resource_metadata="http://mcp.test/.well-known/oauth-protected-resource/mcp"'],
    ['bearer-bare', 401, 'Bearer'],
    ['no-www-authenticate', 401, null],
    ['non-bearer', 401, 'ApiKey realm="mcp"'],
    ['forbidden', 403, null],
  ]
  for (const [challenge, status, wwwAuthenticate] of cases) {
    it(`${challenge}: ${status} without the header or with a wrong value, 200 with it`, async () => {
      const s = scenario({ sessions: false, auth: { kind: 'static-header', header: 'X-API-Key', value: 'k1', challenge } })
      await withServer(s, async () => {
        const post = (headers: Record<string, string>) =>
          fetch('http://mcp.test/mcp', { method: 'POST', headers, body: rpc('ping', 1) })
        for (const headers of [{}, { 'x-api-key': 'wrong' }] as Array<Record<string, string>>) {
          const denied = await post(headers)
          expect(denied.status).toBe(status)
          expect(denied.headers.get('www-authenticate')).toBe(wwwAuthenticate)
        }
        expect((await post({ 'X-API-KEY': 'k1' })).status).toBe(200)
      })
    })
  }
})

describe('legacy HTTP+SSE mock server', () => {
  for (const form of ['relative', 'absolute'] as const) {
    it(`announces a ${form} endpoint and answers POSTs on the stream`, async () => {
      const s = scenario({ transport: 'sse', endpointPath: '/sse', legacyEndpoint: form })
      await withServer(s, async () => {
        const stream = await fetch('http://mcp.test/sse', { headers: { accept: 'text/event-stream' } })
        const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader()
        const first = (await reader.read()).value!
        const endpoint = /data: (.*)/.exec(first)![1]!
        expect(
          endpoint.startsWith(form === 'relative' ? '/sse/messages?sessionId=' : 'http://mcp.test/sse/messages?sessionId='),
        ).toBe(true)
        const post = await fetch(new URL(endpoint, 'http://mcp.test/sse'), { method: 'POST', body: rpc('tools/list', 4) })
        expect(post.status).toBe(202)
        expect((await reader.read()).value).toContain('"id":4')
        await reader.cancel()
      })
    })
  }
})
