// A long recorded session (what `serve` and `record --proxy` keep of a client that runs for hours):
// initialize, then tool calls, one in eight exchanges a GET event stream that drops and is reopened.
// `check` must judge it in time linear in its length (issue 22 §7: 16 000 exchanges took 17 s of CPU).
import { PROPERTIES } from '../properties/index.js'
import { judgeTrial } from '../src/property/judge.js'
import { recordingTrial } from '../src/recording/recording-trial.js'
import type { Recording, RecordedExchange } from '../src/recording/recording.js'

const URL_ = 'http://127.0.0.1:8001/mcp'
const SESSION = 'session-bench-1'

function exchange(seq: number, method: 'POST' | 'GET', body?: unknown): RecordedExchange {
  const headers: Record<string, string> = {
    accept: method === 'GET' ? 'text/event-stream' : 'application/json, text/event-stream',
    'x-api-key': 'bench-key-123456',
    'mcp-protocol-version': '2025-11-25',
    ...(seq > 1 ? { 'mcp-session-id': SESSION } : {}),
    ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
  }
  if (method === 'GET' && seq > 9) headers['last-event-id'] = `e-${seq - 8}`
  return {
    seq,
    order: { request: 2 * seq - 1, response: 2 * seq },
    request: { method, url: URL_, headers, ...(body === undefined ? {} : { json: body }) },
    response:
      method === 'GET'
        ? {
            status: 200,
            headers: { 'content-type': 'text/event-stream' },
            events: [
              {
                id: `e-${seq}`,
                data: '{"jsonrpc":"2.0","method":"notifications/message","params":{"level":"info","data":"x"}}',
                retry: 0,
              },
            ],
          }
        : {
            status: 200,
            headers: { 'content-type': 'application/json', 'mcp-session-id': SESSION },
            json: { jsonrpc: '2.0', id: seq, result: {} },
          },
  } as RecordedExchange
}

/** A recording of `count` exchanges, one in eight a GET stream. */
export function bigRecording(count: number): Recording {
  const exchanges: RecordedExchange[] = []
  for (let seq = 1; seq <= count; seq++) {
    if (seq === 1)
      exchanges.push(
        exchange(seq, 'POST', {
          jsonrpc: '2.0',
          id: 1,
          method: 'initialize',
          params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'bench', version: '1' } },
        }),
      )
    else if (seq % 8 === 0) exchanges.push(exchange(seq, 'GET'))
    else
      exchanges.push(
        exchange(seq, 'POST', { jsonrpc: '2.0', id: seq, method: 'tools/call', params: { name: 'echo', arguments: { i: seq } } }),
      )
  }
  return {
    format: 'mcp-auth-harness/recording',
    version: 1,
    metadata: {
      tool: 'mcp-auth-harness',
      toolVersion: 'bench',
      source: 'proxy',
      client: 'bench',
      transport: 'streamable-http',
      recordedAt: '2026-12-04T00:00:00Z',
    },
    config: { transport: 'streamable-http', url: URL_, headers: { 'X-API-Key': 'bench-key-123456' } },
    exchanges,
  } as Recording
}

/** CPU milliseconds `check` spends judging a recording of `count` exchanges by every property. */
export function judgeCost(count: number): number {
  const recording = bigRecording(count)
  const started = process.cpuUsage()
  judgeTrial(recordingTrial(recording), PROPERTIES)
  const used = process.cpuUsage(started)
  return (used.user + used.system) / 1000
}
