import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { ROOT } from './cli.js'

/** A fenced code block of a Markdown file: its language and text, and where it starts. */
export interface CodeBlock {
  file: string
  line: number
  lang: string
  text: string
}

/** README.md, then docs/commands/fuzz.md (whose runs later pages read), then the rest of docs/ in order. */
export function docFiles(): string[] {
  const files: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) {
        if (relative(ROOT, path) !== join('docs', 'scoreboard')) walk(path)
      } else if (entry.name.endsWith('.md')) files.push(relative(ROOT, path))
    }
  }
  // docs/scoreboard/ holds what scoreboard writes (counterexamples and their issue texts): data, not prose.
  walk(join(ROOT, 'docs'))
  const first = ['README.md', 'docs/commands/fuzz.md']
  return [...first, ...files.filter((file) => !first.includes(file))]
}

/** Every fenced code block of a file. */
export function codeBlocks(file: string): CodeBlock[] {
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n')
  const blocks: CodeBlock[] = []
  let open: { lang: string; line: number; body: string[] } | undefined
  lines.forEach((line, index) => {
    if (!line.startsWith('```')) return open?.body.push(line)
    if (open) {
      blocks.push({ file, line: open.line, lang: open.lang, text: open.body.join('\n') })
      open = undefined
    } else open = { lang: line.slice(3).trim(), line: index + 1, body: [] }
  })
  return blocks
}

/**
 * The commands a block holds: in a `sh` block every line that is not a comment (a `\` continues
 * it); in a `text` block (a transcript) the lines after `$ `.
 */
export function commandsOf(block: CodeBlock): string[] {
  if (block.lang !== 'sh' && block.lang !== 'text') return []
  const joined = block.text.replace(/\\\n\s*/g, ' ')
  return joined
    .split('\n')
    .map((line) => line.trim())
    .flatMap((line) => {
      if (block.lang === 'text') return line.startsWith('$ ') ? [line.slice(2)] : []
      return line && !line.startsWith('#') ? [line] : []
    })
}

/** `npx mcp-auth-harness fuzz --client 'cmd:a b' # note` → ['fuzz', '--client', 'cmd:a b'] (quotes as a shell reads them). */
export function harnessArgs(command: string): string[] | undefined {
  const match = /^(?:[A-Z_]+=\S+ )*npx mcp-auth-harness (.*)$/.exec(command)
  if (!match) return undefined
  const args: string[] = []
  let current: string | undefined
  let quote: string | undefined
  for (const char of match[1]!) {
    if (quote) {
      if (char === quote) quote = undefined
      else current = (current ?? '') + char
    } else if (char === "'" || char === '"') {
      quote = char
      current ??= ''
    } else if (char === ' ') {
      if (current !== undefined) args.push(current)
      current = undefined
    } else if (char === '#' && current === undefined) break
    else current = (current ?? '') + char
  }
  if (current !== undefined) args.push(current)
  return args
}
