// The headless browser a trial's client runs (BROWSER, xdg-open, …): `node browser-main.js URL`.
// Not the CLI: a client waits on it in every OAuth trial, so it loads one small module, not yargs.
import process from 'node:process'
import { browseUrl } from './browse-url.js'

const url = process.argv[2] ?? ''
if (!/^https?:\/\//.test(url)) {
  process.stderr.write('usage: browser-main.js URL   (an http or https URL to open)\n')
  process.exit(2)
}
await browseUrl(url).then(
  (line) => {
    process.stdout.write(`${line}\n`)
    process.exit(0)
  },
  (error: unknown) => {
    process.stderr.write(`mcp-auth-harness: ${(error as Error).message}\n`)
    process.exit(2)
  },
)
