// Fuzzing an MCP client inside a vitest suite with one call. Run by this project's `npm test`;
// in your project, `npm install -D mcp-auth-harness` and import from 'mcp-auth-harness' the same way.
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import { expect, test } from 'vitest'
import { fuzzClient, PropertyViolationError, type ClientUnderTest } from 'mcp-auth-harness'

/** Your client, as the harness drives it: connect with the config it is given, do some work, close. */
const myClient: ClientUnderTest = {
  name: 'my-client',
  description: 'my MCP client over Streamable HTTP',
  transports: ['streamable-http'],
  async run(config, { signal }) {
    const transport = new StreamableHTTPClientTransport(new URL(config.url), { requestInit: { headers: config.headers } })
    const client = new Client({ name: 'my-client', version: '1.0.0' })
    signal.addEventListener('abort', () => void client.close())
    await client.connect(transport)
    await client.listTools()
    await transport.terminateSession() // ends the session on the server; close() alone does not
    await client.close()
  },
}

// A fuzz run is hundreds of sessions: the test sets its own timeout (vitest's default is 5 s).
test('my client sends its configured headers and never starts OAuth unprompted', async () => {
  const results = await fuzzClient({
    client: myClient,
    properties: ['headers-always-sent', 'no-discovery-without-challenge', 'session-id-echoed'],
    runs: 40,
    seed: 2026,
  })
  expect(results.every((r) => r.verdict !== 'violated')).toBe(true)
}, 120_000)

test('a client that drops its headers fails with the shrunk counterexample as the message', async () => {
  const failing = fuzzClient({ client: 'faulty:drops-headers', properties: ['headers-always-sent'], runs: 40, seed: 7 })
  await expect(failing).rejects.toBeInstanceOf(PropertyViolationError)
  await expect(failing).rejects.toThrow(
    /faulty:drops-headers violates headers-always-sent[\s\S]*lacked configured header[\s\S]*reproduce/,
  )
})
