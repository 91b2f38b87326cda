// Writes the README's property table from `list --markdown` (run after tsc by `npm run build`), so a
// new property folder reaches the README by building; `--check` exits 1 when the README is stale.
import { readFileSync, writeFileSync } from 'node:fs'
import { propertyTableMarkdown } from '../dist/src/cli/commands/list.js'

const readme = new URL('../README.md', import.meta.url)
const text = readFileSync(readme, 'utf8')
const block = /(<!-- list --markdown -->\n)[\s\S]*?(\n<!-- \/list --markdown -->)/
if (!block.test(text)) {
  console.error('README.md has no <!-- list --markdown --> … <!-- /list --markdown --> block')
  process.exit(1)
}
const updated = text.replace(block, (_, open, close) => `${open}${propertyTableMarkdown()}${close}`)
if (updated === text) process.exit(0)
if (process.argv.includes('--check')) {
  console.error('README.md: the property table is out of date (run npm run build)')
  process.exit(1)
}
writeFileSync(readme, updated)
