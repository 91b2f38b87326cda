import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { CLI, DENO, run, spawnUntil } from './helpers/cli.js'

const EXTERNAL_CLIENT = fileURLToPath(new URL('./fixtures/sdk-client.mjs', import.meta.url))

/** Starts `serve` (under Node or Deno); `ready` is the MCP server URL it prints. */
function startServe(runtime: 'node' | 'deno', ...args: string[]) {
  const [command, ...prefix] = runtime === 'node' ? [process.execPath, CLI] : [DENO, 'run', '-A', CLI]
  return spawnUntil(command!, [...prefix, 'serve', '--port', '0', ...args], /mock MCP server \(.*\) at (\S+)/)
}

describe('serve: the mock on real ports for a client in another process', () => {
  it('--once: the seed scenario, a correctly configured client, a live transcript, verdicts held (exit 0)', async () => {
    const serve = startServe('node', '--scenario', 'static-key-404-discovery', '--once')
    const url = await serve.ready
    const client = await run(process.execPath, [EXTERNAL_CLIENT, url, 'streamable-http', 'X-API-Key: test-key-12345'])
    expect(client.stdout).toContain('ok: 1 tool(s)')
    expect(await serve.exited).toBe(0)
    const out = serve.output()
    expect(out).toContain('configure your client with: X-API-Key: test-key-12345')
    expect(out).toMatch(/#1 POST http:\/\/127\.0\.0\.1:\d+\/mcp \(initialize\) → 200 {2}\[X-API-Key: sent\]/)
    expect(out).toContain('session ended (session-closed): 6 requests')
    expect(out).toMatch(/headers-always-sent +held/)
  })

  it('keeps serving past 500 requests: the request cap guards fuzz trials, not serve', async () => {
    const serve = startServe('node', '--scenario', 'open', '--duration', '8')
    const origin = new URL(await serve.ready).origin
    let answered = 0
    for (let i = 0; i < 600; i++) {
      const response = await fetch(`${origin}/.well-known/probe-${i}`)
      await response.arrayBuffer()
      if (response.status === 404) answered++
    }
    expect(answered).toBe(600)
    await serve.exited
    expect(serve.output()).toMatch(/session ended \(\w+\): 600 requests/)
  }, 120_000)

  it('the live transcript redacts secrets in query strings', async () => {
    const serve = startServe('node', '--scenario', 'open', '--once')
    const url = await serve.ready
    await run(process.execPath, [EXTERNAL_CLIENT, `${url}?token=QTOK%2BCANARY%2F888%3D`, 'streamable-http'])
    await serve.exited
    const out = serve.output()
    expect(out).toMatch(/#1 POST \S+\?token=<redacted:token#1> \(initialize\)/)
    expect(out).not.toMatch(/QTOK/)
  })

  it('a client that does not send the header is caught when the server stops (exit 1)', async () => {
    const serve = startServe('node', '--scenario', 'static-key-404-discovery', '--transport', 'sse', '--duration', '3')
    const url = await serve.ready
    expect(url).toMatch(/\/sse$/)
    await run(process.execPath, [EXTERNAL_CLIENT, url, 'sse'])
    expect(await serve.exited).toBe(1)
    expect(serve.output()).toMatch(/- request #1 GET http:\/\/127\.0\.0\.1:\d+\/sse lacked configured header X-API-Key/)
  })

  it('--recording: a recorded server on a real port; Ctrl-C ends it with verdicts', async () => {
    const serve = startServe('node', '--recording', 'recordings/gemini-cli-25473-get-stream-without-headers.json')
    const url = await serve.ready
    const client = await run(process.execPath, [EXTERNAL_CLIENT, url, 'streamable-http', 'X-API-Key: any-value'])
    expect(client.stdout).toContain('ok: 1 tool(s)')
    serve.child.kill('SIGINT')
    expect(await serve.exited).toBe(0)
    expect(serve.output()).toMatch(/session ended \(interrupted\): \d+ requests, 0 unmatched/)
  })

  it('under Deno: the same serve, the same verdicts', async () => {
    const serve = startServe('deno', '--scenario', 'open', '--once')
    const url = await serve.ready
    await run(process.execPath, [EXTERNAL_CLIENT, url, 'streamable-http'])
    expect(await serve.exited).toBe(0)
    expect(serve.output()).toMatch(/no-discovery-without-challenge +held/)
  })

  it('usage errors exit 2', async () => {
    expect((await run(process.execPath, [CLI, 'serve'])).code).toBe(2)
    const both = await run(process.execPath, [CLI, 'serve', '--scenario', 'open', '--recording', 'x.json'])
    expect(both.stderr).toContain('give exactly one of --scenario NAME or --recording FILE')
  })
})
