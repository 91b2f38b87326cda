import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli } from './helpers/cli.js'
import { startSdkServer, type RunningSdkServer } from './helpers/sdk-server.js'
import { tempDir } from './helpers/tmp.js'

const dir = tempDir()
let server: RunningSdkServer
beforeAll(async () => {
  server = await startSdkServer()
})
afterAll(() => server.close())

describe('CLI record → replay → check', () => {
  it('records the SDK client against a real server, replays it, checks it', async () => {
    const out = join(dir, 'my-server.json')
    const recorded = await cli(
      'record',
      '--url',
      `${server.origin}/mcp`,
      '--transport',
      'streamable-http',
      '--header',
      `X-API-Key: ${server.apiKey}`,
      '--out',
      out,
    )
    expect(recorded.stderr).toBe('')
    expect(recorded.code).toBe(0)
    expect(recorded.stdout).toMatch(
      /recorded 8 exchanges \(sdk-streamable, completed\) to .*my-server\.json; \d+ secret value\(s\) redacted/,
    )
    expect(readFileSync(out, 'utf8')).not.toContain(server.apiKey)

    const replayed = await cli('replay', out, '--client', 'sdk-streamable')
    expect(replayed.code).toBe(0)
    expect(replayed.stdout).toContain('8 requests, 0 unmatched, completed')
    expect(replayed.stdout).toMatch(/headers-always-sent +held/)

    const checked = await cli('check', out)
    expect(checked.code).toBe(0)
    expect(checked.stdout).toContain('every property that applies held.')
  })

  it('replaying to a faulty client finds its bug (exit 1)', async () => {
    const out = join(dir, 'sse.json')
    expect(
      (
        await cli(
          'record',
          '--url',
          `${server.origin}/sse`,
          '--transport',
          'sse',
          '--header',
          `X-API-Key: ${server.apiKey}`,
          '--out',
          out,
        )
      ).code,
    ).toBe(0)
    const replayed = await cli('replay', out, '--client', 'faulty:no-headers-on-post', '--speed', '0')
    expect(replayed.code).toBe(1)
    expect(replayed.stdout).toMatch(/- request #2 POST \S+\/messages\?sessionId=\S+ lacked configured header X-API-Key/)
  })

  it('check on the seed reconstruction prints the violations, naming the exchanges (exit 1)', async () => {
    const { code, stdout } = await cli('check', 'recordings/claude-code-7290-http.json')
    expect(code).toBe(1)
    expect(stdout).toContain('- request #5 POST http://localhost:8001/ lacked configured header X-API-Key')
    expect(stdout).toContain(
      '- request #4 POST http://localhost:8001/register is OAuth discovery, but the MCP server never answered 401',
    )
    // Every verdict stands apart from its property id, the longest included (it ran into it before).
    expect(stdout).toMatch(/^ {2}client-authentication-as-configured {2,}not exercised$/m)
  })

  it.each([
    [['record', '--url', 'http://127.0.0.1:1/mcp'], /--out FILE is required/],
    [['record', '--url', 'nope', '--out', 'x.json'], /--url must be an http\(s\) URL/],
    [
      ['record', '--url', 'http://127.0.0.1:1/mcp', '--header', 'no-colon', '--out', 'x.json'],
      /--header must look like "Name: value"/,
    ],
    [
      ['record', '--url', 'http://127.0.0.1:1/mcp', '--redact', '(', '--out', 'x.json'],
      /--redact "\(" is not a valid regular expression/,
    ],
    [['record', '--proxy', '--url', 'http://127.0.0.1:1/mcp', '--out', 'x.json'], /give --upstream, not --url/],
    [['replay', 'does-not-exist.json'], /does-not-exist\.json: \$: cannot be read: ENOENT/],
    [['replay', 'recordings/claude-code-7290-http.json', '--unmatched', 'maybe'], /Argument: unmatched, Given: "maybe"/],
    [['check'], /Not enough non-option arguments/],
  ])('usage or input error %j exits 2', async (args, message) => {
    const { code, stderr } = await cli(...args)
    expect(stderr).toMatch(message)
    expect(code).toBe(2)
  })
})
