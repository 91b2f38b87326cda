import { chmodSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { headersAlwaysSent } from '../properties/index.js'
import { dropsHeaders } from '../properties/headers-always-sent/witnesses.js'
import { listOption } from '../src/cli/select.js'
import { junitXml } from '../src/report/junit-report.js'
import { buildRunReport } from '../src/report/run-report.js'
import { safeFileName } from '../src/report/safe-file-name.js'
import { saveCounterexample } from '../src/report/save-counterexample.js'
import { fuzz, type PropertyResult } from '../src/runner/fuzz.js'
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { CLI, cli, ROOT } from './helpers/cli.js'
import { tempDir } from './helpers/tmp.js'

// Defects found by the adversarial sweep (shared/reports/reliability-2026-11-30.md); each test failed before its fix.
const dir = tempDir()
const [found] = await fuzz({ clients: [dropsHeaders], properties: [headersAlwaysSent], runs: 5, seed: 1, timeoutMs: 5000 })
const saved = await saveCounterexample(found!, join(dir, 'found'), { timeoutMs: 5000 })

describe('reliability: untrusted files, no false green, distinct files', () => {
  it('replay never runs a command named inside a counterexample file (it may come from a PR or CI artifact)', async () => {
    const marker = join(dir, 'PWNED')
    const recording = JSON.parse(readFileSync(saved, 'utf8'))
    recording.counterexample.client = `cmd:touch ${marker}`
    const hostile = join(dir, 'hostile.json')
    writeFileSync(hostile, JSON.stringify(recording))
    const result = await cli('replay', hostile)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('replay never runs a command or module taken from a file')
    expect(existsSync(marker)).toBe(false)
  })

  it('replay does not call a client that sent no request FIXED', async () => {
    const result = await cli('replay', saved, '--client', 'cmd:true')
    expect(result.stdout).toContain('run 1: not exercised (0 requests')
    expect(result.stdout).toMatch(/^NOT JUDGED: headers-always-sent /m)
    expect(result.code).toBe(1)
  })

  // Failed before: `check` said "every property held." over traffic no property applies to, and a
  // canned replay to a client that sent nothing said held too.
  it('check and a canned replay that judged nothing are not green', async () => {
    const recording = JSON.parse(readFileSync('recordings/claude-code-7290-http.json', 'utf8'))
    recording.exchanges = []
    const empty = join(dir, 'empty.json')
    writeFileSync(empty, JSON.stringify(recording))
    const checked = await cli('check', empty)
    expect(checked.code).toBe(1)
    expect(checked.stdout).toContain('nothing was judged')
    const replayed = await cli('replay', 'recordings/claude-code-7290-http.json', '--client', 'cmd:true')
    expect(replayed.stdout).toContain('nothing was judged')
    expect(replayed.code).toBe(1)
  })

  it('a cmd: client that cannot start is a usage error (exit 2), not a green run', async () => {
    const missing = await cli('fuzz', '--client', 'cmd:/nonexistent/no-such-client --flag', '--runs', '1')
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('cannot start the client command: /nonexistent/no-such-client: not found')
    const plain = join(dir, 'not-executable.sh')
    writeFileSync(plain, '#!/bin/sh\n')
    chmodSync(plain, 0o644)
    const notExecutable = await cli('fuzz', '--client', `cmd:${plain}`, '--runs', '1')
    expect(notExecutable.code).toBe(2)
    expect(notExecutable.stderr).toContain('not executable')
    expect((await cli('fuzz', '--client', 'cmd:no-such-program-anywhere {url}', '--runs', '1')).stderr).toContain(
      'not found on PATH',
    )
  })

  it('a timeout or duration beyond what a timer can wait (2³¹−1 ms) is a usage error, not 1 ms', async () => {
    for (const args of [
      ['fuzz', '--timeout', '3000000000'],
      ['fuzz', '--timeout', '-5'],
      ['serve', '--scenario', 'open', '--duration', '3000000'],
      ['record', '--proxy', '--upstream', 'http://127.0.0.1:9/mcp', '--out', join(dir, 'x.json'), '--duration', '3000000'],
    ]) {
      const result = await cli(...args)
      expect(result.code, args.join(' ')).toBe(2)
      expect(result.stderr, args.join(' ')).toMatch(/must be a (whole number of milliseconds|number of seconds)/)
    }
  })

  it('a port that is negative, too large, not a number or given twice is a usage error (exit 2), not a stack trace', async () => {
    for (const ports of [['-1'], ['70000'], ['abc'], ['8001', '--port', '8002']]) {
      const result = await cli('serve', '--scenario', 'open', '--duration', '1', '--port', ...ports)
      expect(result.code, ports.join(' ')).toBe(2)
      expect(result.stderr, ports.join(' ')).toMatch(/--port (must be a whole number from 0|was given 2 times)/)
      expect(result.stderr).not.toMatch(/\n\s+at /)
    }
    const record = await cli(
      'record',
      '--proxy',
      '--upstream',
      'http://127.0.0.1:9/mcp',
      '--out',
      join(dir, 'p.json'),
      '--port',
      '70000',
    )
    expect(record.code).toBe(2)
  })

  it('bad inputs end with one clear line and exit 2: an unknown property in a counterexample, a FIFO, a huge --path, a closed pipe', async () => {
    const recording = JSON.parse(readFileSync(saved, 'utf8'))
    recording.counterexample.property = 'no-such-property'
    const unknown = join(dir, 'unknown-property.json')
    writeFileSync(unknown, JSON.stringify(recording))
    const replayed = await cli('replay', unknown)
    expect(replayed.code).toBe(2)
    expect(replayed.stderr).toContain(`${unknown}: $.counterexample.property: unknown property "no-such-property"`)

    const fifo = join(dir, 'input.fifo')
    execFileSync('mkfifo', [fifo])
    const checked = await cli('check', fifo)
    expect(checked.code).toBe(2)
    expect(checked.stderr).toContain('not a regular file')

    const path = Array.from({ length: 5000 }, () => '0').join(':')
    const huge = await cli('fuzz', '--client', 'faulty:drops-headers', '--seed', '1', '--path', path)
    expect(huge.code).toBe(2)
    expect(huge.stderr).toContain('it has 5000 steps')

    const piped = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" check recordings/*.json | head -1`], {
      cwd: ROOT,
      encoding: 'utf8',
    })
    expect(piped.stderr).not.toMatch(/Unhandled|\n\s+at /)
  })

  it('a HAR whose base64 content is not base64 is an input error naming the entry (exit 2)', async () => {
    const har = join(dir, 'x.har')
    expect((await cli('export', 'recordings/claude-code-7290-http.json', '--har', har)).code).toBe(0)
    const doc = JSON.parse(readFileSync(har, 'utf8'))
    doc.log.entries[0].response.content = { ...doc.log.entries[0].response.content, encoding: 'base64', text: '!!not base64!!' }
    writeFileSync(har, JSON.stringify(doc))
    const imported = await cli('import-har', har, '--out', join(dir, 'from-har.json'))
    expect(imported.code).toBe(2)
    expect(imported.stderr).toContain(
      `${har}: $.log.entries[0].response.content.text: encoding is "base64" but the text is not base64`,
    )
  })

  it('JSON nested 10 000 levels deep inside a recording is an input error (exit 2), not a stack overflow', async () => {
    const recording = JSON.parse(readFileSync('recordings/claude-code-7290-http.json', 'utf8'))
    recording.exchanges[0].request.json = { jsonrpc: '2.0', id: 1, method: 'initialize', params: '__DEEP__' }
    const deep = join(dir, 'deep.json')
    writeFileSync(deep, JSON.stringify(recording).replace('"__DEEP__"', `${'['.repeat(10_000)}${']'.repeat(10_000)}`))
    const checked = await cli('check', deep)
    expect(checked.code).toBe(2)
    expect(checked.stderr).toContain(`${deep}: $: nested more than 200 levels deep`)
  })

  it('a module: client that leaves a promise rejection unhandled is noted, and the run goes on', async () => {
    const file = join(dir, 'rejecting.mjs')
    writeFileSync(
      file,
      `export default {
        name: 'rejecting', description: 'leaves a rejection unhandled', transports: ['streamable-http'],
        async run(config) {
          void Promise.reject(new Error('background task failed'))
          const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'r', version: '1' } } })
          await (await fetch(config.url, { method: 'POST', headers: { ...config.headers, 'content-type': 'application/json', accept: 'application/json, text/event-stream' }, body })).text()
        },
      }\n`,
    )
    const result = await cli(
      'fuzz',
      '--client',
      `module:${file}`,
      '--property',
      'headers-always-sent',
      '--runs',
      '3',
      '--found-dir',
      'none',
    )
    expect(result.stderr).toContain(
      'a client left a promise rejection unhandled (Error: background task failed); the run goes on',
    )
    expect(result.stderr).not.toMatch(/\n\s+at /)
    expect(result.stdout).toMatch(/trials \(coverage \d+, random 3;/)
    expect(result.code).toBe(0)
  })

  it('Ctrl-C during fuzz stops every client process group, removes the temporary config folders, and writes the reports so far marked incomplete (exit 130)', async () => {
    const tmp = tempDir()
    const reports = tempDir()
    const marker = `--marker-${process.pid}-${Date.now()}`
    const client = `cmd:${process.execPath} test/fixtures/config-file-client.mjs {config} --hang ${marker}`
    const child = spawn(
      process.execPath,
      [
        CLI,
        'fuzz',
        '--client',
        'sdk-streamable',
        '--client',
        client,
        '--property',
        'headers-always-sent',
        '--junit',
        join(reports, 'junit.xml'),
        '--summary',
        join(reports, 'summary.md'),
        // The coverage phase: a few hundred inputs, so the run is still starting clients at the signal
        // (four random ones could all be servers this client fails at once).
        '--phases',
        'coverage',
        '--concurrency',
        '2',
        '--timeout',
        '60000',
        '--found-dir',
        'none',
      ],
      {
        cwd: ROOT,
        env: { ...process.env, TMPDIR: tmp },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    // A client process: its config path filled in (the fuzz process's own arguments hold the marker too,
    // with `{config}` unfilled, and must not count, or Ctrl-C could come before any client started).
    const running = () =>
      spawnSync('pgrep', ['-f', '--', `config-file-client\\.mjs /[^ ]+ --hang ${marker}`], { encoding: 'utf8' }).stdout.trim()
    // A client that hangs: the same process seen twice, 100 ms apart (one failing at once is gone by then).
    let seen = ''
    for (let i = 0; i < 300; i++) {
      const now = running()
      if (now !== '' && now === seen && readdirSync(tmp).length > 0) break
      seen = now
      await new Promise((r) => setTimeout(r, 100))
    }
    expect(running()).not.toBe('')
    expect(readdirSync(tmp).some((name) => name.startsWith('mcp-auth-harness-'))).toBe(true)
    child.kill('SIGINT')
    expect(await exited).toBe(130)
    expect(stderr).toMatch(
      /SIGINT: stopped [12] client process group\(s\), removed [12] temporary folder\(s\); \d of 2 client × property pairs had finished/,
    )
    expect(stderr).toMatch(/the reports written hold those \d pairs and are marked incomplete/)
    // Before, nothing was written: a CI artifact of an interrupted run was simply missing.
    expect(readFileSync(join(reports, 'junit.xml'), 'utf8')).toMatch(
      /<error message="interrupted by SIGINT after \d of 2 client × property pairs/,
    )
    expect(readFileSync(join(reports, 'summary.md'), 'utf8')).toMatch(/incomplete: interrupted by SIGINT/)
    await new Promise((r) => setTimeout(r, 200))
    expect(running()).toBe('')
    expect(readdirSync(tmp).filter((name) => name.startsWith('mcp-auth-harness-'))).toEqual([])
  }, 120_000)

  it('a cmd: client whose arguments hold a comma is one client', () => {
    expect(listOption(['cmd:my-client --scopes read,write', 'sdk-sse,sdk-streamable'])).toEqual([
      'cmd:my-client --scopes read,write',
      'sdk-sse',
      'sdk-streamable',
    ])
  })

  it('two clients whose cleaned names share their first 60 characters get different files', () => {
    const long = 'cmd:node /very/long/path/to/the/client/under/test/with/many/parts/client.js --variant-'
    const a = safeFileName(`${long}alpha`, 60)
    const b = safeFileName(`${long}beta`, 60)
    expect(a).not.toBe(b)
    expect(a.length).toBeLessThanOrEqual(60)
    expect(safeFileName('faulty:drops-headers', 60)).toBe('faulty_drops-headers')
  })

  it('a line break a client put in a message cannot leave its comment in the .curl.sh', async () => {
    const tampered = withMessage(`client_id http://x/\ntouch ${join(dir, 'PWNED-by-curlsh')};#`)
    const file = await saveCounterexample(tampered, join(dir, 'injected'), { timeoutMs: 5000 })
    const script = readFileSync(file.replace(/\.json$/, '.curl.sh'), 'utf8')
    expect(script.split('\n').filter((line) => line.startsWith('touch'))).toEqual([])
    expect(script).toContain('client_id http://x/⏎touch')
  })

  it('JUnit XML drops the characters XML forbids (U+FFFE, U+FFFF, lone surrogates), so it stays well-formed', () => {
    const tampered = withMessage('bad \uffff \ufffe \ud800 text')
    const { report } = buildRunReport({
      results: [tampered],
      expectations: new Map(),
      seed: 1,
      runs: 5,
      timeoutMs: 5000,
      trials: 1,
      startedAt: new Date(0).toISOString(),
      durationMs: 1,
      flags: [],
    })
    const xml = junitXml(report)
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(xml).toContain('bad    text')
  })

  it('counterexample files of clients with long cmd: names sharing a prefix do not overwrite each other', async () => {
    const long = 'cmd:node /very/long/path/to/the/client/under/test/with/many/parts/client.js --variant-'
    const into = join(dir, 'distinct')
    const a = await saveCounterexample({ ...found!, client: `${long}alpha` }, into, { timeoutMs: 5000 })
    const b = await saveCounterexample({ ...found!, client: `${long}beta` }, into, { timeoutMs: 5000 })
    expect(a).not.toBe(b)
    expect(readdirSync(into)).toHaveLength(4)
  })
})

/** The found result with its first violation's message replaced (text a client controls). */
function withMessage(message: string): PropertyResult {
  const ce = found!.counterexample!
  return { ...found!, counterexample: { ...ce, violations: [{ ...ce.violations[0]!, message }, ...ce.violations.slice(1)] } }
}
