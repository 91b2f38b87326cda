import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli } from './helpers/cli.js'
import { tempDir } from './helpers/tmp.js'

// Issue 36 §3 (reliability-2026-12-07, finding 6): control characters from untrusted files never
// reach the terminal raw. OSC 52 writes the clipboard; ESC[2J clears the screen; OSC 0 retitles the window.
const HOSTILE = '\u001b]52;c;ZWNobyBwd25lZA==\u0007\u001b[2J\u001b]0;PWNED\u0007'
const dir = tempDir()

function hostileRecording(): string {
  const recording = JSON.parse(readFileSync('recordings/claude-code-7290-http.json', 'utf8'))
  recording.metadata.client = `client${HOSTILE}`
  const initialize = recording.exchanges.find(
    (e: { request: { json?: { method?: string } } }) => e.request.json?.method === 'initialize',
  )
  initialize.request.json.method = `initialize${HOSTILE}`
  const file = join(dir, 'hostile.json')
  writeFileSync(file, JSON.stringify(recording))
  return file
}

describe('untrusted text cannot drive the terminal', () => {
  it('check prints a recording’s control characters escaped, never raw', async () => {
    const ran = await cli('check', hostileRecording())
    const printed = ran.stdout + ran.stderr
    expect(printed).not.toContain('\u001b')
    expect(printed).not.toContain('\u0007')
    expect(printed).toContain('\\x1b]52;c;')
  })

  it("fuzz --verbose escapes a client's stderr too", async () => {
    const script = join(dir, 'noisy.mjs')
    writeFileSync(script, `process.stderr.write(${JSON.stringify(`noise${HOSTILE}\n`)}); process.exit(3)\n`)
    const ran = await cli(
      'fuzz',
      '--client',
      `cmd:${process.execPath} ${script}`,
      '--phases',
      'random',
      '--runs',
      '2',
      '--verbose',
    )
    const printed = ran.stdout + ran.stderr
    expect(printed).toContain('noise')
    expect(printed).not.toContain('\u001b')
    expect(printed).not.toContain('\u0007')
  })
})
