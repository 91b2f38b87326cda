// Writes the generated parts of the docs, run after tsc by `npm run build`: each block between
// `<!-- generated: ARGS -->` and `<!-- /generated -->` in README.md and docs/ becomes the output of
// `mcp-auth-harness ARGS` (the property table, the dimension table, each command's --help), so a new
// property, dimension or flag reaches the docs by building. `--check` exits 1 naming the stale
// blocks instead of writing them.
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const cli = join(root, 'dist/src/cli/main.js')
const block = /(<!-- generated: ([^>]*?) -->\n)[\s\S]*?(<!-- \/generated -->)/g

/** README.md and every Markdown file under docs/. */
function markdownFiles() {
  const files = [join(root, 'README.md')]
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (entry.name.endsWith('.md')) files.push(path)
    }
  }
  walk(join(root, 'docs'))
  return files
}

const outputs = new Map()
/** What the CLI prints for `args`: Markdown as it is (`--markdown`), anything else as a text block. */
function generated(args) {
  if (!outputs.has(args)) {
    const text = execFileSync(process.execPath, [cli, ...args.split(' ')], { encoding: 'utf8', cwd: root }).trimEnd()
    outputs.set(args, args.includes('--markdown') ? `${text}\n` : `\`\`\`text\n${text}\n\`\`\`\n`)
  }
  return outputs.get(args)
}

const stale = []
for (const file of markdownFiles()) {
  const text = readFileSync(file, 'utf8')
  const updated = text.replace(block, (_, open, args, close) => `${open}${generated(args)}${close}`)
  if (updated === text) continue
  stale.push(file.slice(root.length))
  if (!process.argv.includes('--check')) writeFileSync(file, updated)
}
if (stale.length > 0 && process.argv.includes('--check')) {
  console.error(`generated docs out of date (run npm run build): ${stale.join(', ')}`)
  process.exit(1)
}
