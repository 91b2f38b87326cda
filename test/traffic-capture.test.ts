import { http, HttpResponse } from 'msw/http'
import { describe, expect, it } from 'vitest'
import { InProcessNetwork } from '../src/network/in-process-network.js'
import { TrafficLog } from '../src/traffic/traffic-log.js'
import { TurnLock } from '../src/network/turn-lock.js'

describe('InProcessNetwork', () => {
  it('captures requests exactly as sent and responses with bodies, on fake hosts', async () => {
    const handlers = [
      http.post('http://mcp.test/mcp', () => HttpResponse.json({ ok: true }, { headers: { 'mcp-session-id': 's1' } })),
    ]
    const { log } = await InProcessNetwork.shared().run(handlers, async (log) => {
      const response = await fetch('http://mcp.test/mcp?x=1', {
        method: 'POST',
        headers: { 'X-API-Key': 'k1', Authorization: 'Bearer t' },
        body: '{"jsonrpc":"2.0","id":1,"method":"ping"}',
      })
      expect(await response.json()).toEqual({ ok: true })
      await log.settle(1000)
    })
    expect(log.exchanges).toHaveLength(1)
    const [exchange] = log.exchanges
    expect(exchange).toMatchObject({
      seq: 1,
      method: 'POST',
      url: 'http://mcp.test/mcp?x=1',
      status: 200,
      responseBody: '{"ok":true}',
    })
    expect(exchange!.requestBody).toBe('{"jsonrpc":"2.0","id":1,"method":"ping"}')
    expect(exchange!.requestHeaders).toEqual(
      expect.arrayContaining([
        ['x-api-key', 'k1'],
        ['authorization', 'Bearer t'],
      ]),
    )
    expect(exchange!.responseHeaders).toEqual(expect.arrayContaining([['mcp-session-id', 's1']]))
    expect(exchange!.requestTick).toBeLessThan(exchange!.responseTick!)
  })

  it('records text/event-stream responses as events while the client reads them', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('event: endpoint\ndata: /messages?sessionId=9\n\n'))
        controller.enqueue(new TextEncoder().encode('event: message\ndata: {"id":1}\n\n'))
        controller.close()
      },
    })
    const handlers = [
      http.get('http://mcp.test/sse', () => new HttpResponse(body, { headers: { 'content-type': 'text/event-stream' } })),
    ]
    const { log } = await InProcessNetwork.shared().run(handlers, async (log) => {
      const response = await fetch('http://mcp.test/sse')
      expect(await response.text()).toContain('event: message')
      await log.settle(1000)
    })
    expect(log.exchanges[0]!.events?.map((e) => [e.event, e.data])).toEqual([
      ['endpoint', '/messages?sessionId=9'],
      ['message', '{"id":1}'],
    ])
    expect(log.exchanges[0]!.responseBody).toBeUndefined()
  })

  it('keeps trials apart: each run gets only its own traffic', async () => {
    const network = InProcessNetwork.shared()
    const handlers = [http.all('*', () => new HttpResponse(null, { status: 204 }))]
    const [a, b] = await Promise.all([
      network.run(handlers, async () => void (await fetch('http://a.test/'))),
      network.run(handlers, async () => void (await fetch('http://b.test/'))),
    ])
    expect(a.log.exchanges.map((e) => e.url)).toEqual(['http://a.test/'])
    expect(b.log.exchanges.map((e) => e.url)).toEqual(['http://b.test/'])
  })

  it("runs trials side by side: each request answered by its own trial's handlers and logged in its own log", async () => {
    const network = InProcessNetwork.shared()
    const answer = (who: string) => [http.get('http://mcp.test/who', () => HttpResponse.text(who))]
    // Each trial's second request waits for the other's first: they overlap for certain.
    let aSent!: () => void
    let bSent!: () => void
    const aFirst = new Promise<void>((r) => (aSent = r))
    const bFirst = new Promise<void>((r) => (bSent = r))
    const session = (first: () => void, other: Promise<void>) => async (log: TrafficLog) => {
      const one = await (await fetch('http://mcp.test/who')).text()
      first()
      await other
      const two = await (await fetch('http://mcp.test/who')).text()
      await log.settle(1000)
      return [one, two]
    }
    const [a, b] = await Promise.all([
      network.run(answer('a'), session(aSent, bFirst)),
      network.run(answer('b'), session(bSent, aFirst)),
    ])
    expect(a.value).toEqual(['a', 'a'])
    expect(b.value).toEqual(['b', 'b'])
    expect(a.log.exchanges.map((e) => e.responseBody)).toEqual(['a', 'a'])
    expect(b.log.exchanges.map((e) => e.responseBody)).toEqual(['b', 'b'])
  })

  it('refuses a request from a client whose trial is over, and logs it nowhere', async () => {
    const network = InProcessNetwork.shared()
    let late: Promise<Response | string> | undefined
    const { log } = await network.run([http.all('*', () => new HttpResponse(null, { status: 204 }))], async () => {
      await fetch('http://mcp.test/in-time')
      // Started in the trial's context, sent after it ended.
      late = new Promise((r) => setTimeout(r, 50)).then(() => fetch('http://mcp.test/late').catch(() => 'refused'))
    })
    expect(await late).toBe('refused')
    expect(log.exchanges.map((e) => e.url)).toEqual(['http://mcp.test/in-time'])
  })
})

describe('TurnLock', () => {
  it('lets shared holders overlap, and an exclusive one wait for those before it and hold back those after it', async () => {
    const lock = new TurnLock()
    const order: string[] = []
    const one = await lock.acquire('shared')
    const two = await lock.acquire('shared')
    const alone = lock.acquire('exclusive').then((release) => (order.push('exclusive'), release))
    const after = lock.acquire('shared').then((release) => (order.push('shared after'), release))
    await new Promise((r) => setTimeout(r, 10))
    expect(order).toEqual([])
    one()
    two()
    ;(await alone)()
    ;(await after)()
    expect(order).toEqual(['exclusive', 'shared after'])
  })
})

describe('TrafficLog on an endless event stream', () => {
  // Before, every event of a stream was held until the process ran out of memory.
  it('keeps a bounded number of events, says so, and still reads the stream to its end', async () => {
    const log = new TrafficLog(Infinity)
    const total = TrafficLog.MAX_EVENTS_PER_STREAM + 500
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const batch = Array.from({ length: 500 }, (_, i) => `id: ${sent + i}\ndata: {}\n\n`).join('')
        controller.enqueue(new TextEncoder().encode(batch))
        sent += 500
        if (sent >= total) controller.close()
      },
    })
    log.onRequest('1', new Request('http://mcp.test/mcp'))
    const response = new Response(body, { headers: { 'content-type': 'text/event-stream' } })
    log.onResponse('1', response)
    await response.text() // the client reads it all
    await log.settle(5000)
    const [exchange] = log.exchanges
    expect(exchange!.events).toHaveLength(TrafficLog.MAX_EVENTS_PER_STREAM)
    expect(exchange!.events!.at(-1)!.id).toBe(String(TrafficLog.MAX_EVENTS_PER_STREAM - 1))
    expect(exchange!.error).toMatch(/kept the first 10000 events/)
  })
})
