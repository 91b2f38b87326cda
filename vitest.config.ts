import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Fuzzing tests run hundreds of real sessions; the budget is generous, speed lives in `npm run bench`.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
})
