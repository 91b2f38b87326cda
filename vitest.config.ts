import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { alias: { 'mcp-auth-harness': fileURLToPath(new URL('./dist/src/index.js', import.meta.url)) } },
  test: {
    // The README's examples run as they are written, importing the package by name (the local build).
    include: ['test/**/*.test.ts', 'properties/**/*.test.ts', 'examples/**/*.test.ts'],
    // The SDKs in other languages and the agent CLIs install from their registries on first use:
    // minutes, and a network; they run in `npm run test:clients` (vitest.clients.config.ts).
    exclude: ['test/clients/**', '**/node_modules/**'],
    // Fuzzing tests run hundreds of real sessions; the budget is generous (a busy CI machine is several
    // times slower, and a test whose subject is not time must not fail for it), speed lives in `npm run bench`.
    testTimeout: 600_000,
    // Vitest's default on 2 cores is 1 worker, one file at a time, while most files wait on the
    // processes they start (the CLI, clients, Deno): one worker more than cores keeps both busy.
    maxWorkers: Math.max(2, availableParallelism()) + 1,
    // A beforeAll that starts Chromium and runs a fuzz is slow beside busy loops: time, not a failure.
    hookTimeout: 600_000,
  },
})
