// Fuzzing an MCP client from `deno test`. Run by this project's `npm test` under the bundled Deno:
//   deno test -A --no-check examples/deno/fuzz_client_test.ts
// (--no-check: Deno's type checker cannot resolve the MCP SDK's subpath typings through node_modules.)
// This file imports the local build; in your project import the package by specifier instead:
//   import { fuzzClient, PropertyViolationError } from 'npm:mcp-auth-harness'
import { fuzzClient, PropertyViolationError } from '../../dist/src/index.js'

Deno.test('the SDK client sends its configured headers under Deno', async () => {
  const results = await fuzzClient({
    client: 'sdk-streamable',
    properties: ['headers-always-sent', 'no-discovery-without-challenge'],
    runs: 20,
    seed: 2026,
  })
  if (results.some((r) => r.verdict === 'violated')) throw new Error('expected every property to hold')
})

Deno.test('a faulty client fails with its counterexample', async () => {
  try {
    await fuzzClient({ client: 'faulty:drops-headers', properties: ['headers-always-sent'], runs: 20, seed: 7 })
  } catch (error) {
    if (!(error instanceof PropertyViolationError)) throw error
    if (!/lacked configured header/.test(error.message)) throw new Error(`unexpected report: ${error.message}`, { cause: error })
    return
  }
  throw new Error('expected a PropertyViolationError')
})
