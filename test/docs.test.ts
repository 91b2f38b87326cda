import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from './helpers/cli.js'
import { codeBlocks, commandsOf, docFiles, harnessArgs } from './helpers/doc-snippets.js'

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8')

/** GitHub's anchor for a heading: lower case, punctuation but `-` and `_` dropped, spaces as `-`. */
function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-')
}

function anchorsOf(file: string): Set<string> {
  const headings = read(file)
    .replace(/```[\s\S]*?```/g, '')
    .split('\n')
    .filter((line) => /^#+ /.test(line))
  return new Set(headings.map((line) => slug(line.replace(/^#+ /, ''))))
}

/** The files npm test runs as examples (vitest under Node, Deno.test under the bundled Deno) or as a module: client. */
function exampleSources(): string[] {
  return ['examples/vitest', 'examples/deno', 'test/fixtures'].flatMap((dir) =>
    readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) =>
      entry.isFile() ? [read(join(dir, entry.name))] : [],
    ),
  )
}

// The README is the front door and docs/ the rest; these keep them true to the code. The commands
// in them are run by test/clients/docs-commands.test.ts (npm run test:clients: some install clients).
describe('the docs', () => {
  it('the README is a front door: at most 300 lines, one picture, a quick start of 5 lines', () => {
    const readme = read('README.md')
    expect(readme.split('\n').length).toBeLessThanOrEqual(300)
    expect(readme.match(/!\[[^\]]*\]\([^)]+\.png\)/g)).toHaveLength(1)
    const quickStart = codeBlocks('README.md').find((block) => block.lang === 'sh')!
    expect(quickStart.text.split('\n')).toHaveLength(5)
  })

  it('the generated parts (property table, dimension table, each command --help) are what the build writes', () => {
    expect(() => execFileSync(process.execPath, ['scripts/write-docs.js', '--check'], { cwd: ROOT, stdio: 'pipe' })).not.toThrow()
  })

  it('every command has its page, with its --help', () => {
    const help = execFileSync(process.execPath, ['dist/src/cli/main.js', '--help'], { cwd: ROOT, encoding: 'utf8' })
    const commands = [...help.matchAll(/^ {2}mcp-auth-harness ([a-z-]+)/gm)].map((match) => match[1]!)
    expect(commands.length).toBeGreaterThan(10)
    for (const command of commands) expect(read(`docs/commands/${command}.md`)).toContain(`<!-- generated: ${command} --help -->`)
  })

  it('every relative link points at a file that exists, and every anchor at a heading there', () => {
    const broken: string[] = []
    for (const file of docFiles()) {
      const text = read(file).replace(/```[\s\S]*?```/g, '')
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(target!)) continue
        const [path, anchor] = target!.split('#')
        const linked = path ? join(dirname(file), path) : file
        if (!existsSync(join(ROOT, linked))) broken.push(`${file}: ${target} (no such file)`)
        else if (anchor && linked.endsWith('.md') && !anchorsOf(linked).has(anchor))
          broken.push(`${file}: ${target} (no heading #${anchor} in ${linked})`)
      }
    }
    expect(broken).toEqual([])
  })

  it('each TypeScript snippet is, word for word, the code of an example npm test runs', () => {
    const examples = exampleSources()
    const snippets = docFiles().flatMap((file) => codeBlocks(file).filter((block) => block.lang === 'ts'))
    expect(snippets.length).toBeGreaterThanOrEqual(2)
    for (const snippet of snippets)
      expect(
        examples.some((code) => code.includes(snippet.text.trim())),
        `${snippet.file}:${snippet.line}`,
      ).toBe(true)
  })

  it('each YAML snippet is, word for word (indentation aside), part of an example workflow CI lints with actionlint', () => {
    const flat = (text: string) => text.replace(/^[ \t]+/gm, '').trim()
    const workflows = readdirSync(join(ROOT, 'examples/github-actions')).map((file) =>
      flat(read(`examples/github-actions/${file}`)),
    )
    for (const snippet of docFiles().flatMap((file) => codeBlocks(file).filter((block) => block.lang === 'yaml')))
      expect(
        workflows.some((workflow) => workflow.includes(flat(snippet.text))),
        `${snippet.file}:${snippet.line}`,
      ).toBe(true)
  })

  it('every code block says what it is, and every command in one is a command the tests run', () => {
    const scripts = Object.keys(JSON.parse(read('package.json')).scripts as Record<string, string>)
    const ci = read('.ci/run')
    const unknown: string[] = []
    for (const file of docFiles())
      for (const block of codeBlocks(file)) {
        if (!['sh', 'text', 'ts', 'yaml', 'json'].includes(block.lang)) unknown.push(`${file}:${block.line} \`\`\`${block.lang}`)
        for (const command of commandsOf(block)) {
          if (harnessArgs(command) || /^export [A-Z_]+=\S+$/.test(command)) continue
          // npm scripts: `.ci/run` runs npm ci, npm test and npm run test:clients; the others exist.
          const npm = /^npm (ci|test|run ([\w:-]+))\b/.exec(command)
          if (npm && (ci.includes(`\n${npm[0]}`) || (npm[2] && scripts.includes(npm[2])))) continue
          unknown.push(`${file}:${block.line} ${command}`)
        }
      }
    expect(unknown).toEqual([])
  })
})
