import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { InputError } from '../core/errors.js'
import { configFormatByName } from '../config/formats/registry.js'
import { commandProblem } from '../runtime/child-process.js'
import { packageRoot } from '../runtime/files.js'
import type { ClientCapabilities, ClientUnderTest } from '../clients/client-under-test.js'
import { commandClient, type ClientReads } from '../clients/command-client.js'
import { loadModuleClient, loadModuleClientHere } from '../clients/module-client.js'
import { findInstallable } from '../clients/provision/installable-clients.js'
import { installedClient } from '../clients/provision/provision.js'
import { DEFAULT_CLIENTS } from '../clients/registry.js'
import { splitVersionedName } from '../clients/versioned-name.js'
import { loadExpectedFailures, type ExpectedFailure } from '../runner/expected-failures.js'
import { clientByName } from './known-clients.js'

/** The expected-failures file shipped with the package: the bundled SDK clients' known bugs. */
export const BUNDLED_EXPECTED_FAILURES = join(packageRoot(), 'expected-failures.json')

/** A client name resolved: the client, the failures it is known to have, and what it can be configured with. */
export interface ResolvedClient {
  client: ClientUnderTest
  /**
   * The known failures shipped for it, each naming the versions it fails in: the bundled SDK
   * clients' entries in `expected-failures.json`, an installable client's `expected-failures/NAME.json`;
   * none for `cmd:`, `module:` and faulty clients.
   */
  expectedFailures: ExpectedFailure[]
  /** The transports it speaks and what its config can carry: what the search draws for it. */
  capabilities: ClientCapabilities
}

/** How to start a `cmd:` client (its config format, what its program reads, per trial or as a session loop), and where an install's progress goes. */
export interface ResolveOptions {
  configFormat?: string
  reads?: readonly ClientReads[]
  sessionLoop?: boolean
  /**
   * Load a `module:` client into this thread rather than threads of its own (`record`, which sees
   * every origin of a client in this thread without a proxy).
   */
  moduleHere?: boolean
  /** Progress lines of an installable client's first install (default: stderr). */
  log?: (line: string) => void
}

let bundled: Promise<ExpectedFailure[]> | undefined

/** The known failures shipped for a client (see `ResolvedClient.expectedFailures`). */
async function shippedFailures(client: ClientUnderTest, installable: boolean): Promise<ExpectedFailure[]> {
  const name = splitVersionedName(client.name).name
  if (installable) {
    const file = join(packageRoot(), 'expected-failures', `${name}.json`)
    return /^[a-z0-9-]+$/.test(name) && existsSync(file) ? await loadExpectedFailures(file) : []
  }
  if (!DEFAULT_CLIENTS.some((c) => c.name === name)) return []
  bundled ??= loadExpectedFailures(BUNDLED_EXPECTED_FAILURES)
  return (await bundled).filter((entry) => entry.client === name)
}

function capabilitiesOf(client: ClientUnderTest): ClientCapabilities {
  const { transports, acceptsOAuthClientId, configurableHeaders, grants, dpop, keepsOpen } = client
  return {
    transports,
    ...(acceptsOAuthClientId === undefined ? {} : { acceptsOAuthClientId }),
    ...(configurableHeaders === undefined ? {} : { configurableHeaders }),
    ...(grants === undefined ? {} : { grants }),
    ...(dpop === undefined ? {} : { dpop }),
    ...(keepsOpen === undefined ? {} : { keepsOpen }),
  }
}

async function clientNamed(name: string, options: ResolveOptions): Promise<{ client: ClientUnderTest; installable: boolean }> {
  if (name.startsWith('cmd:')) {
    const line = name.slice(4).trim()
    // A client that cannot start would make every trial a client error: a typo, not a verdict.
    const problem = line ? await commandProblem(line) : undefined
    if (problem) throw new Error(`cannot start the client command: ${problem}`)
    const client = commandClient(line, configFormatByName(options.configFormat ?? 'claude'), {
      reads: options.reads ?? [],
      ...(options.sessionLoop ? { sessionLoop: true } : {}),
    })
    return { client, installable: false }
  }
  if (name.startsWith('module:')) {
    const path = name.slice(7)
    return { client: await (options.moduleHere ? loadModuleClientHere(path) : loadModuleClient(path)), installable: false }
  }
  const installable = findInstallable(name)
  if (installable) {
    const client = await installedClient(installable.client, installable.version, {
      withoutOAuth: installable.withoutOAuth,
      ...(options.log ? { log: options.log } : {}),
    })
    return { client, installable: true }
  }
  return { client: clientByName(name), installable: false }
}

/**
 * Every client name the CLI's `--client` and the library's `fuzzClient({ client })` take, resolved
 * by this one path: a built-in (`sdk-streamable`, `faulty:…`), an installable client at its pinned
 * or a named version (`python-sdk`, `claude-code@1.0.108`, installed on first use), `cmd:COMMAND`
 * (started per trial, or once as a session loop with `sessionLoop`, its config written in
 * `configFormat`, told only what `reads` says it reads) or `module:PATH` (a module exporting a
 * ClientUnderTest). With the client come its shipped known failures and its capabilities. A name
 * that resolves to nothing, or a command that cannot start, is an InputError (exit 2).
 *
 * @example
 * const { client, expectedFailures } = await resolveClient('python-sdk@2.3.0')
 * const mine = await resolveClient('cmd:node ./my-client.js {url}', { configFormat: 'claude' })
 */
export async function resolveClient(name: string, options: ResolveOptions = {}): Promise<ResolvedClient> {
  try {
    const { client, installable } = await clientNamed(name, options)
    return { client, expectedFailures: await shippedFailures(client, installable), capabilities: capabilitiesOf(client) }
  } catch (error) {
    if (error instanceof InputError) throw error
    throw new InputError((error as Error).message, { cause: error })
  }
}

/**
 * The client `record` and `replay` use when none is named: the bundled v1 SDK client of the transport.
 *
 * @example
 * const { client } = await defaultClientFor('sse') // sdk-sse
 */
export function defaultClientFor(transport: 'streamable-http' | 'sse'): Promise<ResolvedClient> {
  return resolveClient(transport === 'sse' ? 'sdk-sse' : 'sdk-streamable')
}
