import { delimiter, join } from 'node:path'
import { grantCredentials } from '../credentials/grant-credentials.js'
import { TRANSPORTS, type ClientConfig } from '../core/client-config.js'
import type { ConfigFormat } from '../config/formats/config-format.js'
import { runProcess, splitCommandLine } from '../runtime/child-process.js'
import { withTempDir, writePrivateFile } from '../runtime/files.js'
import { installBrowser } from './headless-browser.js'
import { processFailure } from './process-failure.js'
import process from 'node:process'
import type { ClientUnderTest } from './client-under-test.js'
import { SessionLoop } from './session-loop.js'
import { InputError } from '../core/errors.js'

/**
 * What a `cmd:` program can be told beyond the URL, headers and transport, when it says it reads
 * it: `oauth-client-id` (a pre-registered OAuth client, in the config file and MCP_OAUTH_CLIENT_ID).
 * Nothing else is written: a program blamed for ignoring what it never reads is a false finding.
 */
export const CLIENT_READS = ['oauth-client-id', 'keep-open'] as const
export type ClientReads = (typeof CLIENT_READS)[number]

const PLACEHOLDER = /\{(url|transport|config|headers-json|trial-dir)\}/g

/** The placeholder values and environment of one trial. */
function trialValues(config: ClientConfig, configFile: string, dir: string): Record<string, string> {
  return {
    url: config.url,
    transport: config.transport,
    config: configFile,
    'headers-json': JSON.stringify(config.headers),
    'trial-dir': dir,
  }
}

/** The command's words with placeholders filled; with none, the URL goes last (the conformance suite's contract). */
export function commandArgs(words: readonly string[], values: Record<string, string>): string[] {
  const hasPlaceholder = words.some((word) => new RegExp(PLACEHOLDER.source).test(word))
  const filled = words.map((word) => word.replace(PLACEHOLDER, (_, name: string) => values[name] ?? ''))
  return hasPlaceholder ? filled : [...filled, values.url!]
}

/** How a `cmd:` program is run. */
export interface CommandOptions {
  /** What it says it reads beyond the URL, headers and transport. */
  reads?: readonly ClientReads[]
  /**
   * Started once and given many sessions (the session-loop contract, `session-loop.ts`) instead of
   * once per trial: the command's words without the placeholders, with MCP_SESSION_LOOP=1.
   */
  sessionLoop?: boolean
}

/**
 * A client started as a command, once per trial: the trial's config is written in the client's
 * own format to a private temporary file (removed afterwards), and the command gets `{url}`,
 * `{transport}`, `{config}`, `{headers-json}` and `{trial-dir}` (the private folder, for clients that
 * keep state; and `MCP_URL`, `MCP_TRANSPORT`, `MCP_CONFIG`, `MCP_HEADERS`, `MCP_TRIAL_DIR`, and `MCP_OAUTH_CLIENT_ID` for a pre-registered client).
 * `BROWSER` and `MCP_BROWSER` name the headless browser (`mcp-auth-harness browse URL`), which
 * follows an authorization URL's redirects to the client's own callback; the usual opener names
 * (xdg-open, x-www-browser, sensible-browser, www-browser) lead to it first on PATH. Exit 0 is a completed session; a non-zero exit a client error; a hang is killed
 * with its process group at the timeout. With `sessionLoop`, one process runs many trials' sessions,
 * each given the same variables on a line of its standard input.
 *
 * @example
 * const client = commandClient('my-agent --mcp-config {config}', claudeFormat)
 * const trial = await runTrial(client, config, scenario, { timeoutMs: 10000 })
 * console.log(trial.process?.exitCode)
 */
export function commandClient(template: string, format: ConfigFormat, options: CommandOptions = {}): ClientUnderTest {
  const words = splitCommandLine(template)
  if (words.length === 0) throw new Error('cmd: needs a command, e.g. cmd:"node my-client.js"')
  const reads = options.reads ?? []
  const loopWords = words.filter((word) => !new RegExp(`^${PLACEHOLDER.source}$`).test(word))
  if (options.sessionLoop && loopWords.some((word) => new RegExp(PLACEHOLDER.source).test(word)))
    throw new InputError(
      `a session-loop program reads each session's values on its standard input, not as {placeholders} inside its words: ${template}`,
    )
  const loop = options.sessionLoop ? new SessionLoop(loopWords[0]!, loopWords.slice(1)) : undefined
  return {
    name: `cmd:${template}`,
    description: `command started ${loop ? 'once and given one session per trial on its standard input' : 'once per trial'}, config written as ${format.name}`,
    transports: TRANSPORTS,
    network: 'real-port',
    outOfProcess: true,
    startsClock: true,
    ...(loop ? { sessionLoop: true } : {}),
    // Told of a pre-registered client only when the program says it reads one (`--client-reads oauth-client-id`).
    acceptsOAuthClientId: reads.includes('oauth-client-id'),
    // Held sessions only for a program that says it honours MCP_KEEP_OPEN_MS (`--client-reads keep-open`).
    keepsOpen: reads.includes('keep-open'),
    run: (config, context) =>
      withTempDir(async (dir) => {
        const file = join(dir, format.fileName)
        await writePrivateFile(file, format.render(config, 'harness'))
        const values = trialValues(config, file, dir)
        const browser = await installBrowser(dir)
        const env = {
          MCP_URL: values.url!,
          MCP_TRANSPORT: values.transport!,
          MCP_CONFIG: values.config!,
          MCP_HEADERS: values['headers-json']!,
          MCP_TRIAL_DIR: dir,
          ...(config.oauthClientId === undefined ? {} : { MCP_OAUTH_CLIENT_ID: config.oauthClientId }),
          // How long to keep the session open after its calls, GET stream open, before ending it.
          ...(config.keepOpenMs === undefined ? {} : { MCP_KEEP_OPEN_MS: String(config.keepOpenMs) }),
          // A grant without a user and its credentials, for an adapter told of one (`grants`).
          ...(config.grant === undefined ? {} : { MCP_OAUTH_GRANT: JSON.stringify(grantCredentials(config)) }),
          MCP_BROWSER: browser.script,
          BROWSER: browser.script,
          PATH: `${browser.bin}${delimiter}${process.env.PATH ?? ''}`,
        }
        if (loop) return loop.session(config.url, env, context)
        context.startClock?.()
        const report = await runProcess({
          command: words[0]!,
          args: commandArgs(words.slice(1), values),
          env: { ...context.env, ...env },
          signal: context.signal,
        })
        context.reportProcess(report)
        if (context.signal.aborted) return
        if (report.exitCode !== 0) {
          throw new Error(processFailure(report))
        }
      }),
  }
}
