import { spawn } from 'node:child_process'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { fuzzClient } from '../src/index.js'
import { ROOT } from './helpers/cli.js'

// What the process looked like before any fuzzClient call in this worker.
const originalFetch = globalThis.fetch
const originalExit = process.exit
const originalConsoleError = console.error
const uncaughtListeners = process.listenerCount('uncaughtException')

let server: Server
let url: string
beforeAll(async () => {
  server = createServer((_request, response) => response.end('plain answer'))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

/** Everything written to the console and stderr while `body` runs. */
async function printedDuring(body: () => Promise<void>): Promise<string> {
  const printed: string[] = []
  const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(' '))),
  )
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => (printed.push(String(chunk)), true))
  try {
    await body()
  } finally {
    for (const spy of spies) spy.mockRestore()
    stderr.mockRestore()
  }
  return printed.join('\n')
}

// The two tests run in order in one worker: the second is a user's ordinary test after a fuzzClient one.
describe('fuzzClient leaves no trace in the process', () => {
  it('a passing and a failing call each restore fetch, console, process.exit and the listeners', async () => {
    await fuzzClient({ client: 'sdk-streamable', properties: ['headers-always-sent'], phases: ['random'], runs: 3, seed: 1 })
    expect(globalThis.fetch).toBe(originalFetch)
    await expect(
      fuzzClient({ client: 'faulty:drops-headers', properties: ['headers-always-sent'], phases: ['random'], runs: 5, seed: 1 }),
    ).rejects.toThrow(/violated/)
    expect(globalThis.fetch).toBe(originalFetch)
    expect(process.exit).toBe(originalExit)
    expect(console.error).toBe(originalConsoleError)
    expect(process.listenerCount('uncaughtException')).toBe(uncaughtListeners)
  })

  it('a later ordinary fetch reaches the real server and prints nothing', async () => {
    let body = ''
    const printed = await printedDuring(async () => {
      body = await (await fetch(url)).text()
      // A request no handler of any trial would answer: it used to print msw's interception error.
      await fetch(`${url}other`).then((r) => r.text())
    })
    expect(body).toBe('plain answer')
    expect(printed).toBe('')
  })

  it('an AbortSignal stops a run: it rejects with the reason and the process is restored', async () => {
    const controller = new AbortController()
    const run = fuzzClient({ client: 'sdk-streamable', phases: ['coverage'], signal: controller.signal })
    setTimeout(() => controller.abort(new Error('stopped by the test')), 200)
    await expect(run).rejects.toThrow('stopped by the test')
    expect(globalThis.fetch).toBe(originalFetch)
    expect(process.listenerCount('uncaughtException')).toBe(uncaughtListeners)
    // An already-aborted signal runs nothing.
    await expect(fuzzClient({ client: 'sdk-streamable', signal: AbortSignal.abort(new Error('never started')) })).rejects.toThrow(
      'never started',
    )
  })

  it('importing the package installs no process-wide handler: `node script.mjs | head -1` ends as plain Node would', async () => {
    const script = `await import(${JSON.stringify(`${ROOT}dist/src/index.js`)}); for (let i = 0; i < 100000; i++) console.log(i)`
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk))
    // Read the first line, then close the pipe as `head -1` does.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()))
    child.stdout.destroy()
    const code = await new Promise<number | null>((resolve) => child.on('close', (exitCode) => resolve(exitCode)))
    expect(stderr).not.toContain('mcp-auth-harness')
    expect(code).toBe(0)
  })
})
