import { spawn, type ChildProcess } from 'node:child_process'
import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { CLI, ROOT } from '../helpers/cli.js'
import { codeBlocks, commandsOf, docFiles, harnessArgs } from '../helpers/doc-snippets.js'
import { tempDir } from '../helpers/tmp.js'

// Every `npx mcp-auth-harness …` command in README.md and docs/ runs here, as a reader would run
// it from the repo: in order, in a scratch copy of the recordings, each to its end (exit 0, or 1
// where the docs show a failure), never a usage error. A `serve` with no end is started, seen
// listening, and stopped at the next `serve` or the end of its page. Two kinds run elsewhere:
const TRANSCRIPTS: Record<string, string> = {
  // Measured transcripts whose commands install and search 6–9 releases (~20 min each);
  // test/clients/matrix.test.ts runs the same command over two of those releases.
  'matrix --client go-sdk --versions last:9': 'a measured transcript: 9 releases',
  'matrix --client python-sdk --versions 1.10.0,1.15.0,1.20.0,1.25.0,1.30.0,2.3.0': 'a measured transcript: 6 releases',
}

/** A `bisect` another test of test/clients runs with the same arguments (paths aside): each searches releases for minutes. */
function runElsewhere(args: readonly string[]): string | undefined {
  if (args[0] !== 'bisect') return undefined
  const wanted = args.filter((arg) => !arg.includes('/'))
  for (const file of readdirSync(join(ROOT, 'test/clients')).filter((f) => f !== 'docs-commands.test.ts')) {
    // Comment lines first: an apostrophe in one ("the suite's") would pair the wrong quotes.
    const code = readFileSync(join(ROOT, 'test/clients', file), 'utf8').replace(/^\s*\/\/.*$/gm, '')
    const literals = [...code.matchAll(/'((?:[^'\\\n]|\\.)*)'/g)].map((m) => m[1]!)
    for (let start = 0; start < literals.length; start++) if (wanted.every((arg, i) => literals[start + i] === arg)) return file
  }
  return undefined
}

const workspace = tempDir()
mkdirSync(join(workspace, 'recordings'))
for (const file of readdirSync(join(ROOT, 'recordings')).filter((f) => f.endsWith('.json')))
  cpSync(join(ROOT, 'recordings', file), join(workspace, 'recordings', file))
for (const shared of ['dist', 'test', 'node_modules']) symlinkSync(join(ROOT, shared), join(workspace, shared))

/** The command with `npx mcp-auth-harness` as this checkout's CLI under this Node, for bash. */
function shellLine(command: string): string {
  return command.replace('npx mcp-auth-harness', `'${process.execPath}' '${CLI}'`)
}

/** What the pages' `export NAME=value` lines set, for the commands after them. */
const exported: Record<string, string> = {}

function start(command: string): { child: ChildProcess; output: () => string; exit: Promise<number | null> } {
  const child = spawn('bash', ['-c', `exec ${shellLine(command)}`], {
    cwd: workspace,
    env: { ...process.env, ...exported },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)))
  return { child, output: () => output, exit }
}

/** The shell's `export KEY=value` → [ENV, 'KEY', 'value'] (not the harness's own `export` command). */
const ENV = 'shell export'
function exportArgs(command: string): string[] | undefined {
  const match = /^export ([A-Z_]+)=(\S+)$/.exec(command)
  return match ? [ENV, match[1]!, match[2]!] : undefined
}

const background: ChildProcess[] = []
afterAll(() => background.forEach((child) => child.kill('SIGTERM')))

const seen = new Set<string>()
for (const file of docFiles()) {
  const commands = codeBlocks(file)
    .flatMap(commandsOf)
    .map((command) => ({ command, args: harnessArgs(command) ?? exportArgs(command) }))
    .filter((entry): entry is { command: string; args: string[] } => entry.args !== undefined)
  if (commands.length === 0) continue
  describe(file, () => {
    afterAll(() => background.splice(0).forEach((child) => child.kill('SIGTERM')))
    for (const { command, args } of commands) {
      const key = args.join(' ')
      const elsewhere = TRANSCRIPTS[key] ?? runElsewhere(args)
      const forever = args[0] === 'serve' && !args.includes('--once') && !args.includes('--duration')
      // A command shown twice runs once; a server runs again on each page that needs one.
      const repeat = !forever && seen.has(key)
      seen.add(key)
      if (args[0] === ENV) {
        it(command, () => void (exported[args[1]!] = args[2]!))
        continue
      }
      it.skipIf(Boolean(elsewhere) || repeat)(
        `${key}${elsewhere ? ` (runs in ${elsewhere})` : ''}`,
        async () => {
          if (forever) {
            background.splice(0).forEach((child) => child.kill('SIGTERM'))
            const server = start(command)
            background.push(server.child)
            // Listening, not ended: what a reader sees before pointing a client at it.
            await expect
              .poll(server.output, { timeout: 20_000, interval: 200 })
              .toMatch(/listening|serving|http:\/\/127\.0\.0\.1:\d+/i)
            expect(server.child.exitCode, server.output()).toBeNull()
            return
          }
          const run = start(command)
          const code = await run.exit
          expect([0, 1], `${command}\n${run.output().slice(-3000)}`).toContain(code)
        },
        600_000,
      )
    }
  })
}
