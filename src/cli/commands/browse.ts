import type { CommandModule } from 'yargs'
import type { CliCommand } from '../cli-command.js'
import { writeOut } from '../../runtime/process.js'
import { parseUrlOption } from '../parse-header.js'
import { EXIT } from '../usage-error.js'
import { InputError } from '../../core/errors.js'

/** How long the headless browser waits for a page, as a user would before giving up. */
const BROWSE_TIMEOUT_MS = 15_000

interface BrowseArgs {
  url: string
}

/**
 * `browse URL`: the headless browser for command clients. It opens the authorization URL and
 * follows the redirects, so the authorization server's redirect with `code` and `state` reaches
 * the client's own callback (a localhost server), as a user's browser would deliver it.
 */
export async function runBrowseCommand(args: BrowseArgs): Promise<number> {
  const url = parseUrlOption('url', args.url)
  let response: Response
  try {
    response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(BROWSE_TIMEOUT_MS) })
  } catch (error) {
    // A refused port or a silent server is what a browser would show as an error page: one line, exit 2.
    const cause = (error as { cause?: { code?: string; message?: string } }).cause
    const why = (error as Error).name === 'TimeoutError' ? `no answer within ${BROWSE_TIMEOUT_MS / 1000} s` : (cause?.code ?? cause?.message ?? (error as Error).message)
    throw new InputError(`browse ${new URL(url).origin}${new URL(url).pathname}: ${why}`, { cause: error })
  }
  await response.body?.cancel()
  writeOut(
    `browsed ${new URL(url).origin}${new URL(url).pathname} → ${response.status} at ${new URL(response.url).origin}${new URL(response.url).pathname}\n`,
  )
  return EXIT.ok
}

const module: CommandModule<object, BrowseArgs> = {
  command: 'browse <url>',
  describe: 'Headless browser for command clients: open an authorization URL and follow its redirects to the client callback',
  builder: (yargs) =>
    yargs
      .positional('url', { type: 'string', demandOption: true, describe: 'The authorization URL' })
      .example('$0 browse "http://127.0.0.1:8001/authorize?…"', 'what BROWSER / MCP_BROWSER run in a cmd: trial'),
  handler: () => undefined, // run by cli.ts, which owns exit codes
}

export const browseCommand: CliCommand<BrowseArgs> = { module, run: runBrowseCommand }
