import type { CommandModule } from 'yargs'
import type { CliCommand } from '../cli-command.js'
import { writeOut } from '../../runtime/process.js'
import { parseUrlOption } from '../parse-header.js'
import { EXIT } from '../usage-error.js'

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
  const response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(15_000) })
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
