import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PROPERTIES } from '../properties/index.js'
import { INSTALLABLE_CLIENTS } from '../src/clients/provision/installable-clients.js'
import { loadExpectedFailures } from '../src/runner/expected-failures.js'

const DIR = join(import.meta.dirname, '..', 'expected-failures')

describe('expected-failures/NAME.json: each built-in client’s known violations', () => {
  it('every file is valid, names only its own client and known properties, and gives the input and a reason', async () => {
    const files = readdirSync(DIR).filter((file) => file.endsWith('.json'))
    expect(files.length).toBeGreaterThan(0)
    for (const file of files) {
      const client = file.replace(/\.json$/, '')
      expect(INSTALLABLE_CLIENTS.map((c) => c.name)).toContain(client)
      for (const entry of await loadExpectedFailures(join(DIR, file))) {
        expect(entry.client).toBe(client)
        expect(PROPERTIES.map((p) => p.id)).toContain(entry.property)
        expect(entry.inputs).toBeDefined()
        expect(entry.reason.length).toBeGreaterThan(20)
      }
    }
  })
})
