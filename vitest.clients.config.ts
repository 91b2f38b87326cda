import { defineConfig } from 'vitest/config'
import base from './vitest.config.js'

// `npm run test:clients`: the tests of the clients installed from registries (four SDK toolchains,
// five agent CLIs), kept out of `npm test`. The cache they install into is kept between runs.
// Spread, not mergeConfig: that one would append to the base's include list, not replace it.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['test/clients/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    // One file at a time: toolchain installs and agent CLIs each want the machine (and the network).
    maxWorkers: 1,
  },
})
