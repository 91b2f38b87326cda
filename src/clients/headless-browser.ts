import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import process from 'node:process'
import { packageRoot, writePrivateScript } from '../runtime/files.js'

/** Names under which clients look for a browser to open an authorization URL. */
const BROWSER_NAMES = ['xdg-open', 'x-www-browser', 'sensible-browser', 'www-browser']

/**
 * Puts the headless browser (what `mcp-auth-harness browse URL` does, started without the CLI) in the trial folder: a script for
 * `BROWSER` / `MCP_BROWSER`, and the same under the usual opener names in a folder that goes first
 * on the client's PATH, so a client that "opens the browser" reaches the mock authorization server.
 */
export async function installBrowser(dir: string): Promise<{ script: string; bin: string }> {
  const main = join(packageRoot(), 'dist', 'src', 'clients', 'browser-main.js')
  const text = `#!/bin/sh\n# mcp-auth-harness headless browser: opens the URL and follows redirects to the client's callback\nexec '${process.execPath}' '${main}' "$1"\n`
  const bin = join(dir, 'bin')
  await mkdir(bin)
  const script = join(dir, 'browser.sh')
  await writePrivateScript(script, text)
  for (const name of BROWSER_NAMES) await writePrivateScript(join(bin, name), text)
  return { script, bin }
}
