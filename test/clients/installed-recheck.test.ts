import { chmodSync, mkdtempSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findInstallable } from '../../src/clients/provision/installable-clients.js'
import { installFolder, installedClient } from '../../src/clients/provision/provision.js'
import { runTrial } from '../../src/runner/run-trial.js'
import { trialInput } from '../helpers/inputs.js'

// Issue 36 §1: an installed client's folder, marker and program are checked before every session,
// not only at install, so one made writable by others between two starts is never run again.
describe('an installed client is re-checked at every start', () => {
  it('ts-sdk: a session runs; once its folder is writable by others, the next session stops the run with why', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'mcp-auth-harness-recheck-'))
    process.env.XDG_CACHE_HOME = cache
    try {
      const { client: installable, version } = findInstallable('ts-sdk')!
      const client = await installedClient(installable, version, { log: () => undefined })
      const { config, scenario } = trialInput({ transport: 'streamable-http' })
      const first = await runTrial(client, config, scenario, { timeoutMs: 30_000 })
      expect(first.outcome, JSON.stringify(first.process)).toEqual({ kind: 'completed' })
      // The program it starts, made writable by others (anyone could now rewrite what runs): refused.
      const folder = await installFolder(installable, version)
      const program = join(folder, 'client.mjs')
      const mode = statSync(program).mode & 0o777
      chmodSync(program, 0o666)
      await expect(runTrial(client, config, scenario, { timeoutMs: 30_000 })).rejects.toThrow(
        /client\.mjs is not safe to use: it is writable by group and others/,
      )
      chmodSync(program, mode)
      expect((await runTrial(client, config, scenario, { timeoutMs: 30_000 })).outcome).toEqual({ kind: 'completed' })
      chmodSync(folder, 0o777)
      // Not a client error of one trial: the harness cannot drive that installation at all, and the run stops (exit 2).
      await expect(runTrial(client, config, scenario, { timeoutMs: 30_000 })).rejects.toThrow(
        /is not safe to use: it is writable by group and others/,
      )
    } finally {
      delete process.env.XDG_CACHE_HOME
    }
  }, 600_000)
})
