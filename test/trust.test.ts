import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { chmodSync, lstatSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CLI, ROOT, run, spawnUntil } from './helpers/cli.js'
import { tempDir } from './helpers/tmp.js'

// Issue 22 (shared/reports/reliability-2026-12-04.md): the classes, each with a test that failed before.
const dir = tempDir()
const isRoot = process.getuid?.() === 0

/** The CLI with its own environment (a cache of the test's choosing). */
function cliWith(env: Record<string, string>, ...args: string[]) {
  return run('/usr/bin/env', [...Object.entries(env).map(([k, v]) => `${k}=${v}`), process.execPath, CLI, ...args])
}

describe('one way to write: a target that is not a regular file is refused, never renamed over', () => {
  const fuzzTo = (flag: string, target: string) =>
    cliWith(
      {},
      'fuzz',
      '--client',
      'faulty:drops-headers',
      '--runs',
      '1',
      ...(flag === '--found-dir' ? [] : ['--found-dir', 'none']),
      flag,
      target,
    )

  it('a device node (a symlink to /dev/null, and a node made with mknod when root) stays a device', async () => {
    const link = join(dir, 'null-link')
    symlinkSync('/dev/null', link)
    const targets = [link]
    if (isRoot) {
      const node = join(dir, 'null-node')
      spawnSync('mknod', ['-m', '666', node, 'c', '1', '3'])
      targets.push(node)
    }
    for (const target of targets) {
      for (const flag of ['--junit', '--html', '--summary']) {
        const result = await fuzzTo(flag, target)
        expect(result.code, `${flag} ${target}`).toBe(2)
        expect(result.stderr).toContain(`${flag} ${target}: cannot write there (is a device node, not a regular file)`)
      }
    }
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true)
    if (isRoot) expect(lstatSync(join(dir, 'null-node')).isCharacterDevice()).toBe(true)
  })

  it('a FIFO, /dev/stdout, a /proc path and a dangling symlink are refused before the run', async () => {
    const fifo = join(dir, 'fifo')
    spawnSync('mkfifo', [fifo])
    const dangling = join(dir, 'dangling')
    symlinkSync(join(dir, 'nowhere'), dangling)
    for (const [flag, target, reason] of [
      ['--junit', fifo, 'is a FIFO'],
      ['--html', '/dev/stdout', '/proc'],
      ['--junit', '/proc/foo.xml', 'is inside /proc'],
      ['--summary', '/proc/self/foo.md', 'is inside /proc'],
      ['--found-dir', dangling, 'is a symlink to nothing that exists'],
    ] as const) {
      const result = await fuzzTo(flag, target)
      expect(result.code, `${flag} ${target}`).toBe(2)
      expect(result.stderr).toContain(reason)
      // Refused before the run: no trial was started.
      expect(result.stdout).not.toContain('coverage phase')
    }
  })

  it('export --har - writes to standard output; a symlink to a regular file is followed, the link kept', async () => {
    const har = await cliWith({}, 'export', 'recordings/claude-code-7290-http.json', '--har', '-')
    expect(har.code).toBe(0)
    expect(JSON.parse(har.stdout).log.version).toBe('1.2')
    const real = join(dir, 'real.har')
    writeFileSync(real, 'old')
    const link = join(dir, 'link.har')
    symlinkSync(real, link)
    expect((await cliWith({}, 'export', 'recordings/claude-code-7290-http.json', '--har', link)).code).toBe(0)
    expect(lstatSync(link).isSymbolicLink()).toBe(true)
    expect(JSON.parse(readFileSync(real, 'utf8')).log.version).toBe('1.2')
  })
})

describe('trusted local state', () => {
  it('a client folder planted in a cache others can write to is never run', async () => {
    const cache = join(dir, 'shared-cache')
    const planted = join(cache, 'mcp-auth-harness', 'clients', 'go-sdk-1.8.0')
    mkdirSync(planted, { recursive: true })
    const marker = join(dir, 'PLANTED-RAN')
    writeFileSync(join(planted, 'client'), `#!/bin/sh\ntouch ${marker}\n`, { mode: 0o755 })
    // The marker names the package's adapter digest: anyone can compute it, so it proves nothing.
    const digest = createHash('sha256')
      .update(readFileSync(join(ROOT, 'clients/go-sdk/main.go')))
      .digest('hex')
      .slice(0, 16)
    writeFileSync(join(planted, 'installed'), `go-sdk 1.8.0 adapter ${digest}\n`)
    for (const folder of [cache, join(cache, 'mcp-auth-harness'), join(cache, 'mcp-auth-harness', 'clients'), planted])
      chmodSync(folder, 0o777)
    if (isRoot) spawnSync('chown', ['-R', '65534', join(cache, 'mcp-auth-harness')])
    const result = await cliWith({ XDG_CACHE_HOME: cache }, 'fuzz', '--client', 'go-sdk', '--runs', '1', '--found-dir', 'none')
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/mcp-auth-harness is not safe to use: it is (owned by uid 65534|writable by group and others)/)
    expect(() => lstatSync(marker)).toThrow()
  })

  it('a CA folder others can write to, a key readable by others, and a key that is a symlink are refused', async () => {
    const record = (caDir: string) =>
      cliWith(
        {},
        'record',
        '--forward-proxy',
        '--port',
        '0',
        '--ca-dir',
        caDir,
        '--out',
        join(dir, 'ca.json'),
        '--duration',
        '0.2',
      )
    const open = join(dir, 'ca-open')
    mkdirSync(open, { mode: 0o777 })
    chmodSync(open, 0o777)
    expect((await record(open)).stderr).toContain(`${open} is not safe to use: it is writable by group and others (mode 0777)`)
    const ca = join(dir, 'ca')
    mkdirSync(ca, { mode: 0o700 })
    const key = join(ca, 'mcp-auth-harness-ca.key')
    writeFileSync(key, 'x', { mode: 0o644 })
    chmodSync(key, 0o644)
    const wide = await record(ca)
    expect(wide.code).toBe(2)
    expect(wide.stderr).toContain('is readable by others (mode 0644)')
    expect(lstatSync(key).mode & 0o777).toBe(0o644)
    spawnSync('rm', [key])
    const victim = join(dir, 'victim')
    writeFileSync(victim, '', { mode: 0o666 })
    symlinkSync(victim, key)
    const linked = await record(ca)
    expect(linked.code).toBe(2)
    expect(linked.stderr).toContain('it is a symlink')
    expect(readFileSync(victim, 'utf8')).toBe('')
    spawnSync('rm', [key])
    await record(ca)
    expect(lstatSync(key).mode & 0o777).toBe(0o600)
  })
})

/** `fuzz` of one client for a few random-phase trials, nothing saved: how most checks here meet the CLI. */
function fuzzRandom(client: string, runs: string, ...extra: string[]) {
  return cliWith({}, 'fuzz', '--client', client, '--runs', runs, '--phases', 'random', '--found-dir', 'none', ...extra)
}

/** One quick `fuzz` of faulty:drops-headers × headers-always-sent: a counterexample to edit into a hostile file. */
function fuzzDropsHeaders(...extra: string[]) {
  return cliWith({}, 'fuzz', '--client', 'faulty:drops-headers', '--property', 'headers-always-sent', '--runs', '1', ...extra)
}

/** `serve` on a free port: its MCP URL once it listens, and its whole output once it ends. */
async function startServe(...args: string[]) {
  const served = spawnUntil(process.execPath, [CLI, 'serve', '--port', '0', ...args], /mock MCP server \(.*\) at (\S+)/)
  return { url: await served.ready, done: served.exited.then(() => served.output()), child: served.child, output: served.output }
}

const INITIALIZE = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } },
})

describe('one redaction boundary: every byte that leaves the process', () => {
  it('serve: a Python-encoded query secret is redacted in the live lines and in the end-of-session listing', async () => {
    const { url, done } = await startServe('--scenario', 'open', '--duration', '3')
    for (const query of ['api_key=QJVsrvQ-s3-long', 'access_token=QJV%2AsrvTok~s2+x'])
      await fetch(`${url}?${query}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: INITIALIZE })
    const output = await done
    expect(output).toContain('session ended')
    expect(output).toContain('<redacted:')
    expect(output).not.toContain('QJV')
  })

  it("fuzz: a client's stderr echoing the token it sent is redacted in the client error line", async () => {
    const client = join(dir, 'echo-secret.mjs')
    writeFileSync(
      client,
      `await fetch(process.argv.at(-1), { method: 'POST', headers: { authorization: 'Bearer QJVerrBearer+e1/x' }, body: '{}' }).catch(() => {})
console.error('token QJVerrBearer+e1/x, encoded QJVerrBearer%2Be1%2Fx')
process.exit(2)\n`,
    )
    const result = await fuzzRandom(`cmd:${process.execPath} ${client} {url}`, '2', '--verbose')
    expect(result.stdout).toContain('client error ×')
    expect(result.stdout + result.stderr).not.toContain('QJVerr')
  })

  it('--header: a typo or a value HTTP cannot carry is a usage error that does not echo the value', async () => {
    for (const header of [
      'Authorization Bearer QJVnocolon-h1-secret',
      'X API Key: QJVbadname-h6',
      'X-API-Key: QJV\nline',
      'X-API-Key: QJVключ',
    ]) {
      const result = await cliWith(
        {},
        'record',
        '--url',
        'http://127.0.0.1:9/mcp',
        '--header',
        header,
        '--out',
        join(dir, 'h.json'),
      )
      expect(result.code, header).toBe(2)
      expect(result.stderr).toMatch(/^mcp-auth-harness: --header .*\n$/)
      expect(result.stderr).not.toContain('QJV')
    }
  })
})

/** The lines of a Markdown text that stand outside every fenced code block (CommonMark fences). */
function outsideFences(markdown: string): string[] {
  const outside: string[] = []
  let fence: string | undefined
  for (const line of markdown.split('\n')) {
    const run = /^(`{3,})/.exec(line)?.[1]
    if (fence === undefined && run) fence = run
    else if (fence !== undefined && run && run.length >= fence.length && line.trim() === run) fence = undefined
    else if (fence === undefined) outside.push(line)
  }
  return outside
}

/** A counterexample `fuzz` just saved (faulty:drops-headers × headers-always-sent), parsed, to edit as a hostile file. */
async function freshCounterexample(folder: string) {
  const found = join(dir, folder)
  await fuzzDropsHeaders('--found-dir', found)
  return JSON.parse(
    readFileSync(
      join(
        found,
        readdirSync(found).find((name) => name.endsWith('.json'))!,
      ),
      'utf8',
    ),
  )
}

describe('untrusted documents stay inert', () => {
  it('report --issue: a method name with a newline and a fence stays inside its code block', async () => {
    const recording = await freshCounterexample('found')
    recording.exchanges[0].request.json.method = 'x\n```\n## INJECTED-HEADING <img src=x onerror=alert(1)>\n```'
    recording.counterexample.outcome = 'client error: <img src=x onerror=alert(1)> [link](javascript:alert(1))'
    const hostile = join(dir, 'hostile-issue.json')
    writeFileSync(hostile, JSON.stringify(recording))
    const result = await cliWith({}, 'report', hostile, '--issue')
    expect(result.code).toBe(0)
    const outside = outsideFences(result.stdout).join('\n')
    expect(outside).not.toContain('INJECTED')
    expect(outside).not.toMatch(/(?<!\\)<img/)
    expect(outside).not.toMatch(/(?<!\\)\[link(?<!\\)\]/)
  })

  it('report --issue: a live value put only in the curl lines or the input config of a hand-edited file is redacted', async () => {
    const recording = await freshCounterexample('found-live')
    recording.counterexample.curl[0] = `${recording.counterexample.curl[0]} -H 'Authorization: Bearer QJVlive-in-curl-i1'`
    const headers = recording.counterexample.input.config.headers
    headers[Object.keys(headers)[0]!] = 'QJVlive-in-input-i2'
    const edited = join(dir, 'live-issue.json')
    writeFileSync(edited, JSON.stringify(recording))
    const result = await cliWith({}, 'report', edited, '--issue')
    expect(result.code).toBe(0)
    expect(result.stdout).not.toContain('QJVlive')
  })

  it('report RUN.json --html: a javascript: link in an untrusted run report is refused', async () => {
    const json = await fuzzDropsHeaders('--found-dir', 'none', '--json')
    const report = JSON.parse(json.stdout)
    report.results[0].property.specReferences[0].url = 'javascript:void(document.title="XSS")'
    const run = join(dir, 'hostile-run.json')
    writeFileSync(run, JSON.stringify(report))
    const page = join(dir, 'hostile.html')
    const result = await cliWith({}, 'report', run, '--html', page)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('specReferences')
    expect(() => lstatSync(page)).toThrow()
  })

  it('serve answers a foreign Origin or Host with 403 and does not judge it', async () => {
    const { url, done } = await startServe('--scenario', 'open', '--duration', '3')
    const foreign = await fetch(url, {
      method: 'POST',
      headers: { origin: 'http://attacker.example', 'content-type': 'text/plain' },
      body: INITIALIZE,
    })
    expect(foreign.status).toBe(403)
    const local = await fetch(url, {
      method: 'POST',
      headers: {
        origin: 'http://localhost:5173',
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: INITIALIZE,
    })
    expect(local.status).toBe(200)
    const output = await done
    expect(output).toContain('session ended (duration): 1 requests')
  })
})

describe('green means judged: at least one MCP JSON-RPC request', () => {
  it('fuzz: a client that only fetches /favicon.ico is "nothing was judged", exit 1', async () => {
    const client = join(dir, 'favicon.mjs')
    writeFileSync(client, `await fetch(new URL('/favicon.ico', process.argv.at(-1))).catch(() => {})\n`)
    const result = await fuzzRandom(`cmd:${process.execPath} ${client} {url}`, '2')
    expect(result.stdout).toContain('✗ nothing was judged: no trial carried an MCP JSON-RPC request')
    expect(result.code).toBe(1)
  })

  it('serve: initialize POSTed to a wrong path is not a pass', async () => {
    const { url, done } = await startServe('--scenario', 'open', '--duration', '2')
    await fetch(new URL('/v1/mcp', url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: INITIALIZE })
    const output = await done
    expect(output).toContain('✗ nothing was judged')
  })

  it('check: a recording of one GET /favicon.ico is not a pass', async () => {
    const recording = JSON.parse(readFileSync(join(ROOT, 'recordings/claude-code-7290-http.json'), 'utf8'))
    recording.exchanges = [
      {
        seq: 1,
        order: { request: 1, response: 2 },
        request: { method: 'GET', url: new URL('/favicon.ico', recording.config.url).href, headers: {} },
        response: { status: 404, headers: {} },
      },
    ]
    const file = join(dir, 'favicon.json')
    writeFileSync(file, JSON.stringify(recording))
    const result = await cliWith({}, 'check', file)
    expect(result.stdout).toContain('✗ nothing was judged')
    expect(result.code).toBe(1)
  })

  it('fuzzClient rejects when nothing was judged, as the CLI exits 1', async () => {
    const { fuzzClient } = await import('../src/library/fuzz-client.js')
    const empty = {
      name: 'empty',
      description: 'never speaks MCP',
      transports: ['streamable-http' as const],
      network: 'in-process' as const,
      acceptsOAuthClientId: false,
      run: async () => {},
    }
    await expect(fuzzClient({ client: empty, runs: 2, phases: ['random'] })).rejects.toThrow(/nothing was judged/)
  })
})

describe('client processes are contained', () => {
  it('a setsid grandchild holding stdout does not turn a finished client into a timeout, and is ended with its trial', async () => {
    const marker = `mah-${process.pid}-daemon`
    const client = `cmd:sh -c "setsid sh -c 'exec -a ${marker} sleep 30' & setsid sh -c 'exec -a ${marker}-quiet sleep 30' </dev/null >/dev/null 2>&1 & exit 0"`
    const result = await fuzzRandom(client, '2', '--timeout', '20000')
    expect(result.stdout).toContain('sessions 2 completed, 0 client error, 0 timeout')
    const left = spawnSync('pgrep', ['-f', marker], { encoding: 'utf8' }).stdout.trim()
    expect(left, 'daemons left running').toBe('')
  })

  it("a module: client's exception thrown from a timer is a client error of its trial, and the run goes on", async () => {
    const client = join(dir, 'throws-later.mjs')
    writeFileSync(
      client,
      `export default {
  name: 'throws-later',
  transports: ['streamable-http'],
  run: async () => {
    setTimeout(() => { throw new Error('thrown from a timer') }, 5)
    await new Promise((resolve) => setTimeout(resolve, 200))
  },
}\n`,
    )
    const result = await fuzzRandom(`module:${client}`, '3')
    expect(result.stdout).toContain('sessions 0 completed, 3 client error, 0 timeout')
    expect(result.stdout).toContain(`client error ×3: module:${client}: uncaught exception: Error: thrown from a timer`)
    expect(result.code).toBe(1)
  })
})

describe('linear judging', () => {
  // No timing here (speed lives in npm run bench): the quadratic version re-read the session's
  // bodies once per GET stream; this counts the reopened streams of a long session, which the
  // resumption rules judge, and checks the answer is the one the rule means.
  it('every dropped GET stream of a long session is paired with the GET that reopened it', async () => {
    const { bigRecording } = await import('../bench/big-recording.js')
    const { recordingTrial } = await import('../src/recording/recording-trial.js')
    const { reopenedStreams } = await import('../src/traffic/stream-reopens.js')
    const trial = recordingTrial(bigRecording(4000))
    const pairs = reopenedStreams(trial)
    // GETs are every 8th exchange: 500 of them, each but the last reopened by the next.
    expect(pairs).toHaveLength(499)
    for (const { stream, next } of pairs) expect(next.requestTick).toBeGreaterThan(stream.responseTick!)
  })
})

describe('signals lose nothing', () => {
  it('record --client: Ctrl-C writes what was recorded, marked incomplete, and ends the client', async () => {
    const { url, child: upstream, output: upstreamOutput } = await startServe('--scenario', 'open', '--duration', '60')
    const slow = join(dir, 'slow-client.mjs')
    writeFileSync(
      slow,
      `await fetch(process.argv.at(-1), { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' }, body: ${JSON.stringify(INITIALIZE)} })
console.log('sent')
await new Promise((resolve) => setTimeout(resolve, 60_000))\n`,
    )
    const out = join(dir, 'interrupted.json')
    const recording = spawnUntil(
      process.execPath,
      [
        CLI,
        'record',
        '--client',
        `cmd:${process.execPath} ${slow} {url}`,
        '--url',
        url,
        '--port',
        '0',
        '--out',
        out,
        '--timeout',
        '60000',
      ],
      /(starting) /,
    )
    await recording.ready
    // Stopped once its request has reached the server (it then waits a minute): no wall-clock guess.
    while (!upstreamOutput().includes('#1 POST')) await new Promise((resolve) => setTimeout(resolve, 100))
    recording.child.kill('SIGINT')
    expect(await recording.exited).toBe(130)
    upstream.kill('SIGINT')
    const written = JSON.parse(readFileSync(out, 'utf8'))
    expect(written.metadata.notes).toContain('incomplete: stopped by SIGINT')
    expect(written.exchanges.length).toBeGreaterThanOrEqual(1)
    expect(spawnSync('pgrep', ['-f', slow], { encoding: 'utf8' }).stdout.trim()).toBe('')
  })
})

describe('large captures', () => {
  // Two 300 MB bodies through the forward proxy once lost the whole recording (Invalid string length).
  it('a body over the cap is kept cut, with a note, and the recording is written whole', async () => {
    const { TrafficLog } = await import('../src/traffic/traffic-log.js')
    const { buildRecording } = await import('../src/recording/build-recording.js')
    const { writeRecording } = await import('../src/recording/write-recording.js')
    const log = new TrafficLog(Infinity)
    const size = TrafficLog.MAX_BODY_CHARS + 3 * 2 ** 20
    const chunk = new Uint8Array(2 ** 20).fill(0x61)
    for (const id of ['1', '2']) {
      log.onRequest(id, new Request(`http://127.0.0.1:9/download-${id}`))
      let sent = 0
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= size) return controller.close()
          sent += chunk.length
          controller.enqueue(chunk)
        },
      })
      log.onResponse(id, new Response(body, { headers: { 'content-type': 'application/octet-stream' } }))
    }
    await log.settle(60_000)
    for (const exchange of log.exchanges) {
      expect(exchange.responseBody).toHaveLength(TrafficLog.MAX_BODY_CHARS)
      expect(exchange.error).toBe(
        `response body of ${size} bytes: kept the first ${TrafficLog.MAX_BODY_CHARS} characters, the rest was not recorded`,
      )
    }
    const { recording, redactor } = buildRecording({
      config: { transport: 'streamable-http', url: 'http://127.0.0.1:9/mcp', headers: {} },
      exchanges: log.exchanges,
      client: 'test',
      source: 'forward-proxy',
    })
    const out = join(dir, 'big.json')
    await writeRecording(out, recording, redactor)
    expect(readFileSync(out, 'utf8')).toContain('the rest was not recorded')
  })
})

describe('the rest of the report: one line and exit 2', () => {
  it('REPEATABLE names exactly the flags the commands declare repeatable', async () => {
    const { REPEATABLE } = await import('../src/cli/cli.js')
    const declared = new Set<string>()
    for (const file of readdirSync(join(ROOT, 'src/cli/commands'))) {
      const text = readFileSync(join(ROOT, 'src/cli/commands', file), 'utf8')
      for (const match of text.matchAll(/\.(?:option|positional)\('([\w-]+)',\s*\{[^}]*array: true/g)) declared.add(match[1]!)
    }
    expect([...REPEATABLE].sort()).toEqual([...declared].sort())
  })

  it.each([
    [
      ['record', '--proxy', '--upstream', 'http://127.0.0.1:9/mcp', '--upstream', 'ftp://x/', '--out', 'x.json'],
      '--upstream was given 2 times',
    ],
    [
      [
        'fuzz',
        '--client',
        'faulty:drops-headers',
        '--path',
        '1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1',
        '--seed',
        '1',
        '--property',
        'headers-always-sent',
      ],
      'does not fit seed 1',
    ],
    [
      ['fuzz', '--client', 'faulty:drops-headers', '--path', '99999999999999999999', '--seed', '1'],
      'a step is larger than 100000',
    ],
    [['clients', 'install', 'mcp-remote@latest'], 'a version is like'],
    // reliability-2026-12-07 §1 minor rows: a v-prefixed version was called a tag, browse named a
    // --url flag it does not have, and a long name (5 000 characters there) was echoed whole.
    [['clients', 'install', 'go-sdk@v1.8.0'], '(without the v: go-sdk@1.8.0)'],
    [['browse', 'javascript:alert(1)'], 'the URL to browse must be an http(s) URL'],
    [['fuzz', '--client', 'x'.repeat(300)], `unknown client "${'x'.repeat(80)}…"`],
  ])('%j', async (args, message) => {
    const result = await cliWith({}, ...args)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(message)
    expect(result.stderr.trim().split('\n').length).toBeLessThanOrEqual(2)
  })

  it('a module: client calling process.exit(0) is its error, never a green exit 0', async () => {
    const atImport = join(dir, 'exit-at-import.mjs')
    writeFileSync(atImport, 'process.exit(0)\n')
    const loading = await cliWith({}, 'fuzz', '--client', `module:${atImport}`, '--runs', '1')
    expect(loading.code).toBe(2)
    expect(loading.stderr).toContain('could not be loaded: the client called process.exit(0)')
    const inRun = join(dir, 'exit-in-run.mjs')
    writeFileSync(inRun, "export default { name: 'exits', transports: ['streamable-http'], run: async () => process.exit(0) }\n")
    const running = await fuzzRandom(`module:${inRun}`, '2')
    expect(running.code).toBe(1)
    expect(running.stdout).toContain(`client error ×2: module:${inRun}: Error: the client called process.exit(0)`)
  })

  it('browse: a refused port is one line and exit 2', async () => {
    const result = await cliWith({}, 'browse', 'http://127.0.0.1:1/authorize')
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^mcp-auth-harness: browse http:\/\/127\.0\.0\.1:1\/authorize: [^\n]+\n$/)
  })

  it('import-har: a status of 999 and a header name with a space are input errors; a body nested 100 000 deep is kept as text', async () => {
    const entry = (status: number, headers: Array<{ name: string; value: string }>, text: string) => ({
      startedDateTime: '2026-01-01T00:00:00Z',
      time: 1,
      request: {
        method: 'POST',
        url: 'http://a.test/mcp',
        httpVersion: 'HTTP/1.1',
        headers: [{ name: 'content-type', value: 'application/json' }],
        queryString: [],
        cookies: [],
        headersSize: -1,
        bodySize: 0,
        postData: { mimeType: 'application/json', text },
      },
      response: {
        status,
        statusText: '',
        httpVersion: 'HTTP/1.1',
        headers,
        cookies: [],
        content: { size: 0, mimeType: 'application/json', text: '{}' },
        redirectURL: '',
        headersSize: -1,
        bodySize: 0,
      },
      cache: {},
      timings: { send: 0, wait: 0, receive: 0 },
    })
    const initialize = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: {} })
    const har = (entries: unknown[]) => JSON.stringify({ log: { version: '1.2', creator: { name: 't', version: '1' }, entries } })
    const bad = join(dir, 'bad.har')
    writeFileSync(bad, har([entry(999, [{ name: 'bad header', value: 'x' }], initialize)]))
    const refused = await cliWith({}, 'import-har', bad, '--out', join(dir, 'bad.json'))
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/\$\.log\.entries\[0\]\.response\.(status|headers\[0\]\.name)/)
    const deep = join(dir, 'deep.har')
    writeFileSync(deep, har([entry(200, [], initialize), entry(200, [], `${'['.repeat(100_000)}${']'.repeat(100_000)}`)]))
    const imported = await cliWith({}, 'import-har', deep, '--out', join(dir, 'deep.json'))
    expect(imported.code, imported.stderr).toBe(0)
    expect((await cliWith({}, 'check', join(dir, 'deep.json'))).stderr).toBe('')
    // Issue 36 §6: a javascript: request URL became config.url, which `check` then refused (exit 2).
    const script = join(dir, 'script.har')
    writeFileSync(
      script,
      har([{ ...entry(200, [], initialize), request: { ...entry(200, [], initialize).request, url: 'javascript:alert(1)' } }]),
    )
    const scriptImport = await cliWith({}, 'import-har', script, '--out', join(dir, 'script.json'))
    expect(scriptImport.code).toBe(2)
    expect(scriptImport.stderr).toContain('the MCP server URL "javascript:alert(1)" is not an http(s) URL')
    expect(() => lstatSync(join(dir, 'script.json'))).toThrow()
  })
})

describe('the edges (issue 23)', () => {
  it('an old Node is one line and exit 2, not a crash on the first trial with the exit code of a violation', async () => {
    const { nodeVersionProblem } = await import('../src/runtime/node-version.js')
    expect(nodeVersionProblem({ node: '20.20.2' })).toMatch(/^Node 20\.20\.2 is older than 22\.19/)
    expect(nodeVersionProblem({ node: '22.18.0' })).toBeDefined()
    expect(nodeVersionProblem({ node: '22.19.0' })).toBeUndefined()
    expect(nodeVersionProblem({ node: '24.21.0' })).toBeUndefined()
    const engines = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).engines.node
    expect(engines).toBe('>=22.19')
  })

  it('the bundled SDKs are pinned exactly: an SDK release cannot make the bundled expected failures STALE', () => {
    const dependencies = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).dependencies
    for (const sdk of ['@modelcontextprotocol/sdk', '@modelcontextprotocol/client'])
      expect(dependencies[sdk]).toMatch(/^\d+\.\d+\.\d+$/)
  })

  it('the tarball ships no source maps without their sources, no tests and no bench', () => {
    const packed = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    })
    const files: string[] = JSON.parse(packed.stdout)[0].files.map((file: { path: string }) => file.path)
    expect(files).toContain('dist/src/cli/main.js')
    expect(files).toContain('dist/properties/index.js')
    expect(
      files.filter((file) => file.endsWith('.map') || /(^|\/)(test|bench)\//.test(file) || file.endsWith('.test.ts')),
    ).toEqual([])
  })

  it('--version prints the harness version, run from another project', async () => {
    const consumer = join(dir, 'consumer')
    mkdirSync(consumer)
    writeFileSync(join(consumer, 'package.json'), '{"name":"consumer","version":"9.9.9"}')
    const ran = spawnSync(process.execPath, [CLI, '--version'], { cwd: consumer, encoding: 'utf8' })
    expect(ran.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version)
  })
})
