import type { CommandModule } from 'yargs'
import type { CliCommand } from '../cli-command.js'
import { ALL_CLIENTS } from '../../clients/registry.js'
import { PROPERTIES } from '../../../properties/index.js'
import { describeSource } from '../../property/property.js'
import { CHALLENGES, PROTOCOL_VERSIONS } from '../../scenario/scenario.js'
import { writeOut } from '../../runtime/process.js'
import { EXIT } from '../usage-error.js'
import { NAMED_SCENARIOS } from '../../scenario/named-scenarios.js'
import { CONFIG_FORMATS } from '../../config/formats/registry.js'

/** The scenario dimensions the fuzzer draws from, for `list`. */
const DIMENSIONS: Array<[string, string]> = [
  ['transport', 'streamable-http, sse (among those the client supports)'],
  [
    'url',
    'http/https; hosts mcp.test, api.mcp.test, MCP.Example.test, localhost; optional port; paths /mcp, root, /, /sse, nested; trailing slash; query string',
  ],
  ['headers', '0–5 of X-API-Key, Authorization: Bearer …, custom X-… names, in mixed letter case, token-like values'],
  ['endpoint', 'at the configured URL, or elsewhere (root vs /mcp)'],
  ['protocol versions', PROTOCOL_VERSIONS.join(', ')],
  [
    'responses',
    'JSON or SSE; GET stream or 405; sessions on/off; DELETE 200 or 405; legacy endpoint relative or absolute; tools listed or not',
  ],
  ['auth', `none, or a static header the config has, gets wrong or lacks; challenge: ${CHALLENGES.join(', ')}`],
  ['unknown paths (well-known, /register, …)', '404 JSON {"detail":"Not Found"} or 404 HTML'],
]

/** Prints clients, properties and scenario dimensions; returns the exit code. */
export function runListCommand(): number {
  const out: string[] = ['Clients:']
  // The name column fits the longest name, so a name never runs into its description.
  const width = Math.max(30, ...ALL_CLIENTS.map((client) => client.name.length + 2))
  for (const client of ALL_CLIENTS)
    out.push(`  ${client.name.padEnd(width)}${client.description} [${client.transports.join(', ')}]`)
  out.push('', 'Properties:')
  for (const property of PROPERTIES) {
    out.push(
      `  ${property.id} [${property.level}]`,
      `      ${property.statement}`,
      `      source: ${describeSource(property.source)}`,
    )
  }
  out.push('', 'Named scenarios (serve --scenario NAME):')
  for (const named of NAMED_SCENARIOS) out.push(`  ${named.name.padEnd(30)}${named.description}`)
  out.push('', 'Config formats (fuzz --client cmd:… --config-format NAME):')
  for (const format of CONFIG_FORMATS) out.push(`  ${format.name.padEnd(30)}${format.description}`)
  out.push('', 'Scenario dimensions:')
  for (const [name, values] of DIMENSIONS) out.push(`  ${name}: ${values}`)
  writeOut(`${out.join('\n')}\n`)
  return EXIT.ok
}

const module: CommandModule = {
  command: 'list',
  describe: 'List the clients, properties and scenario dimensions',
  handler: () => undefined, // run by cli.ts, which owns exit codes
}

export const listCommand: CliCommand = { module, run: runListCommand }
