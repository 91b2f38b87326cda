import type { CommandModule } from 'yargs'
import type { CliCommand } from '../cli-command.js'
import { writeOut } from '../../runtime/process.js'
import { parseUrlOption } from '../parse-header.js'
import { EXIT } from '../usage-error.js'
import { InputError } from '../../core/errors.js'
import { browseUrl } from '../../clients/browse-url.js'

interface BrowseArgs {
  url: string
}

/**
 * `browse URL`: the headless browser for command clients. It opens the authorization URL and
 * follows the redirects, so the authorization server's redirect with `code` and `state` reaches
 * the client's own callback (a localhost server), as a user's browser would deliver it. Trials run
 * the same step without the CLI (`clients/browser-main.ts`).
 */
export async function runBrowseCommand(args: BrowseArgs): Promise<number> {
  const url = parseUrlOption('url', args.url, 'the URL to browse')
  // A refused port or a silent server is what a browser would show as an error page: one line, exit 2.
  const line = await browseUrl(url).catch((error: unknown) => {
    throw new InputError((error as Error).message, { cause: error })
  })
  writeOut(`${line}\n`)
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
