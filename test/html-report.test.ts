// The HTML report's text: recordings are untrusted, so nothing in one becomes markup or loads
// anything; secrets never reach the page in any encoding; bad input is a clear error (exit 2).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Redactor } from '../src/recording/redactor.js'
import { refuseLeaks } from '../src/report/html/write-html-report.js'
import { html } from '../src/report/html/html.js'
import { fileURLToPath } from 'node:url'
import { cli, CLI, DENO, ROOT, run, spawnUntil } from './helpers/cli.js'

const SECRET = 'k3y&<live>"secret'
const XSS = '<img src=x onerror=alert(1)><script>alert(2)</script>'

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'mah-html-'))
}

/** The seed recording, hand-edited the way a hostile or careless file would be. */
function hostileRecording(dir: string): string {
  const recording = JSON.parse(readFileSync(join(ROOT, 'recordings/claude-code-7290-http.json'), 'utf8'))
  recording.metadata.client = `client ${XSS}`
  recording.config.headers = { 'X-API-Key': SECRET }
  const first = recording.exchanges[0]
  first.request.headers['x-api-key'] = SECRET
  first.request.headers['x-note'] = XSS
  first.response.json = { detail: XSS, echoed: SECRET }
  const file = join(dir, 'hostile.json')
  writeFileSync(file, JSON.stringify(recording))
  return file
}

describe('the HTML report as text', () => {
  it('escapes everything a recording holds: the only script is the page’s own, nothing can load', async () => {
    const dir = tempDir()
    const out = join(dir, 'check.html')
    const checked = await cli('check', hostileRecording(dir), '--html', out)
    expect(checked.stdout).toContain(`wrote ${out}`)
    const page = readFileSync(out, 'utf8')
    expect(page.match(/<script/g)).toHaveLength(1)
    expect(page).not.toContain('<img')
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(page).toMatch(/Content-Security-Policy" content="default-src 'none'/)
    // No reference to anything outside the page: links only to spec pages, the issues a user
    // expectation rests on, and its own anchors.
    expect(page).not.toMatch(/<[a-z][^>]*\s(src|srcset|action|formaction)=/i)
    const links = [...page.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!)
    const allowed = (link: string) =>
      link.startsWith('#') ||
      link.startsWith('https://modelcontextprotocol.io/') ||
      /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/issues\/\d+$/.test(link)
    expect(links.filter((link) => !allowed(link))).toEqual([])
  })

  it('a live secret in a hand-edited recording reaches the page only as a placeholder, in no encoding', async () => {
    const dir = tempDir()
    const out = join(dir, 'check.html')
    await cli('check', hostileRecording(dir), '--html', out)
    const page = readFileSync(out, 'utf8')
    for (const form of [
      SECRET,
      'k3y&amp;&lt;live&gt;&quot;secret',
      JSON.stringify(SECRET).slice(1, -1),
      encodeURIComponent(SECRET),
    ])
      expect(page).not.toContain(form)
    expect(page).toContain('‹redacted:X-API-Key#1›')
  })

  it('refuses markup in which a known secret survived, raw or HTML-escaped', () => {
    const redactor = new Redactor()
    redactor.add(SECRET, 'X-API-Key')
    expect(() => refuseLeaks(html`<td>${SECRET}</td>`.text, [redactor])).toThrow(/a secret survived redaction/)
    expect(() => refuseLeaks(`<td>${SECRET}</td>`, [redactor])).toThrow(/a secret survived redaction/)
    expect(refuseLeaks('<td>&lt;redacted:X-API-Key#1&gt;</td>', [redactor])).toContain('redacted')
  })
})

describe('--html on every command', () => {
  it('report RUN.json --html: a saved fuzz run becomes the same page; a saved counterexample too', async () => {
    const dir = tempDir()
    const fuzz = await cli(
      'fuzz',
      '--client',
      'faulty:drops-headers',
      '--property',
      'headers-always-sent',
      '--json',
      '--found-dir',
      dir,
    )
    expect(fuzz.code).toBe(1)
    writeFileSync(join(dir, 'run.json'), fuzz.stdout)
    const fromRun = await cli('report', join(dir, 'run.json'), '--html', join(dir, 'run.html'))
    expect(fromRun.code, fromRun.stderr).toBe(0)
    const page = readFileSync(join(dir, 'run.html'), 'utf8')
    expect(page).toContain('id="finding-faulty-drops-headers-headers-always-sent"')
    // The user expectation's evidence: the public reports, linked.
    expect(page).toContain(
      '<a href="https://github.com/anthropics/claude-code/issues/7290">user expectation: anthropics/claude-code#7290</a>',
    )
    const saved = JSON.parse(fuzz.stdout).results[0].savedAs as string
    const fromCounterexample = await cli('report', saved, '--html', join(dir, 'ce.html'))
    expect(fromCounterexample.code, fromCounterexample.stderr).toBe(0)
    expect(readFileSync(join(dir, 'ce.html'), 'utf8')).toMatch(/<svg class="sequence"/)
  })

  it('bad input is a one-line error with exit 2 and writes nothing', async () => {
    const dir = tempDir()
    const out = join(dir, 'x.html')
    const plain = await cli('report', 'recordings/claude-code-7290-http.json', '--html', out)
    expect(plain.code).toBe(2)
    expect(plain.stderr).toMatch(/not a counterexample or a run report: judge it with `check/)
    writeFileSync(join(dir, 'broken.json'), '{"format": "mcp-auth-harness/run-report", "version": 1}')
    const broken = await cli('report', join(dir, 'broken.json'), '--html', out)
    expect(broken.code).toBe(2)
    expect(broken.stderr).toContain('broken.json')
    expect((await cli('report', 'recordings/claude-code-7290-http.json')).code).toBe(2)
    const both = await cli('report', 'recordings/claude-code-7290-http.json', '--html', out, '--out', out)
    expect(both.code).toBe(2)
    expect(both.stderr).toMatch(/--out goes with --issue/)
    writeFileSync(join(dir, 'a-file'), '')
    const underFile = await cli('fuzz', '--client', 'faulty:drops-headers', '--html', join(dir, 'a-file/r.html'))
    expect(underFile.code).toBe(2)
    expect(underFile.stderr).toMatch(/--html .*cannot write there \(.*a-file is a file\)/)
    expect((await cli('check', 'recordings/claude-code-7290-http.json', '--html', dir)).code).toBe(2)
    expect((await cli('replay', 'recordings/claude-code-7290-http.json', '--html', dir)).code).toBe(2)
    expect(() => readFileSync(out)).toThrow()
  })

  it('replay --html: the replayed session as a page', async () => {
    const dir = tempDir()
    const out = join(dir, 'replay.html')
    const replayed = await cli(
      'replay',
      'recordings/claude-code-7290-http.json',
      '--speed',
      '0',
      '--unmatched',
      '404',
      '--html',
      out,
    )
    expect(replayed.stdout).toContain(`wrote ${out}`)
    const page = readFileSync(out, 'utf8')
    expect(page).toContain('mcp-auth-harness replay report')
    expect(page).toMatch(/<svg class="sequence"/)
  })
})

describe('serve --ui under Deno', () => {
  it('the live page and its event stream: a session event per answered request, then the verdicts, then a clean end', async () => {
    const serve = spawnUntil(
      DENO,
      ['run', '-A', CLI, 'serve', '--scenario', 'open', '--port', '0', '--once', '--ui'],
      /live report at (\S+)/,
    )
    try {
      const ui = await serve.ready
      const mcp = /at (\S+\/mcp)/.exec(serve.output())![1]!
      const page = await (await fetch(ui)).text()
      expect(page).toContain('data-live="/events"')
      expect(page).toMatch(/waiting for a client at http:\/\/127\.0\.0\.1:\d+\/mcp/)
      const stream = await fetch(`${ui}events`)
      expect(stream.headers.get('content-type')).toBe('text/event-stream')
      const text = stream.text()
      await run(process.execPath, [fileURLToPath(new URL('./fixtures/sdk-client.mjs', import.meta.url)), mcp, 'streamable-http'])
      const events = [...(await text).matchAll(/^event: (\w+)$/gm)].map((m) => m[1])
      expect(events.filter((e) => e === 'session').length).toBeGreaterThanOrEqual(6)
      expect(events.at(-1)).toBe('verdicts')
      expect(await serve.exited).toBe(0)
    } finally {
      serve.child.kill()
    }
  })
})
