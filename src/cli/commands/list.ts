import type { CommandModule } from 'yargs'
import type { CliCommand } from '../cli-command.js'
import { ALL_CLIENTS } from '../../resolve/known-clients.js'
import { PROPERTIES } from '../../../properties/index.js'
import { FAULTY_CASES } from '../../../properties/witnesses.js'
import { INSTALLABLE_CLIENTS } from '../../clients/provision/installable-clients.js'
import { describeSource } from '../../property/property.js'
import { DIMENSIONS } from '../../dimensions/dimensions.js'
import { writeOut } from '../../runtime/process.js'
import { EXIT, UsageError } from '../usage-error.js'
import { NAMED_SCENARIOS, SERVE_ONLY_SCENARIOS } from '../../scenario/named-scenarios.js'
import { CONFIG_FORMATS } from '../../config/formats/registry.js'
import { ruleLines, rulesDocument, ruleTableMarkdown } from '../../report/rule-catalogue.js'

interface ListArgs {
  dimensions: boolean
  rules: boolean
  json: boolean
  markdown: boolean
}

/** `|` inside a Markdown table cell would end the cell. */
function cell(text: string): string {
  return text.replaceAll('|', '\\|')
}

/**
 * The property table as Markdown, one row per property folder: docs/properties.md's table is this text,
 * and a test fails when the two drift apart.
 */
export function propertyTableMarkdown(): string {
  const rows = PROPERTIES.map((property) => {
    const witnesses = FAULTY_CASES.filter((c) => c.property.id === property.id).map(
      (c) => `\`${c.client.name.replace(/^faulty:/, '')}\``,
    )
    const source = property.source
    const since =
      source.kind === 'spec'
        ? `${source.since}${source.alsoBefore ? ' (judged on older servers too)' : ''}`
        : source.kind === 'extension'
          ? `extension (SEP-${source.sep})`
          : 'user expectation'
    return `| [\`${property.id}\`](../properties/${property.id}/property.ts) | ${property.level} | ${since} | ${cell(property.statement)} | ${witnesses.join(', ')} |`
  })
  return ['| property | level | since | statement | faulty client |', '|---|---|---|---|---|', ...rows].join('\n')
}

/** The dimension table as data: what `list --dimensions --json` prints. */
export function dimensionsDocument() {
  return DIMENSIONS.map((dimension) => ({
    name: dimension.name,
    part: dimension.part,
    description: dimension.description,
    values: dimension.values,
    base: dimension.base,
    ...(dimension.appliesWhen ? { appliesWhen: dimension.appliesWhen } : {}),
  }))
}

/** One line per dimension: name, values (base first, marked), and when it applies. */
function dimensionLines(): string[] {
  const width = Math.max(...DIMENSIONS.map((d) => d.name.length + 2))
  return DIMENSIONS.flatMap((dimension) => {
    const values = dimension.values.map((v) => (v === dimension.base ? `${String(v) || "''"}*` : String(v) || "''"))
    const when = dimension.appliesWhen
      ? ` (when ${dimension.appliesWhen.dimension} is ${dimension.appliesWhen.values.join(' or ')})`
      : ''
    return [`  ${dimension.name.padEnd(width)}${values.join(', ')}${when}`, `  ${''.padEnd(width)}${dimension.description}`]
  })
}

/** Prints clients, properties and scenario dimensions (or only the dimensions); returns the exit code. */
export function runListCommand(args: Partial<ListArgs> = {}): number {
  if (args.rules && args.dimensions) throw new UsageError('--rules and --dimensions are two tables: give one')
  if (args.rules) {
    writeOut(
      args.json
        ? `${JSON.stringify({ rules: rulesDocument() }, null, 2)}\n`
        : `${args.markdown ? ruleTableMarkdown() : ruleLines().join('\n')}\n`,
    )
    return EXIT.ok
  }
  if (args.json && !args.dimensions) throw new UsageError('--json goes with --dimensions or --rules: list --rules --json')
  if (args.markdown) {
    if (args.dimensions) throw new UsageError('--markdown prints the property table; --dimensions the dimension table: give one')
    writeOut(`${propertyTableMarkdown()}\n`)
    return EXIT.ok
  }
  if (args.dimensions) {
    writeOut(
      args.json
        ? `${JSON.stringify({ dimensions: dimensionsDocument() }, null, 2)}\n`
        : `Scenario dimensions (* the base value; the coverage phase covers every pair of values):\n${dimensionLines().join('\n')}\n`,
    )
    return EXIT.ok
  }
  const out: string[] = ['Clients:']
  // The name column fits the longest name, so a name never runs into its description.
  const width = Math.max(30, ...ALL_CLIENTS.map((client) => client.name.length + 2))
  for (const client of ALL_CLIENTS)
    out.push(`  ${client.name.padEnd(width)}${client.description} [${client.transports.join(', ')}]`)
  out.push('', 'Clients installed on first use (NAME or NAME@VERSION; clients install NAME… ahead of time):')
  for (const installable of INSTALLABLE_CLIENTS)
    out.push(
      `  ${`${installable.name}${installable.oauthOptional ? '[-no-oauth]' : ''}[@VERSION]`.padEnd(width)}${installable.what(installable.pinned)}`,
    )
  out.push('', 'Properties:')
  for (const property of PROPERTIES) {
    out.push(
      `  ${property.id} [${property.level}]`,
      `      ${property.statement}`,
      `      source: ${describeSource(property.source)}`,
    )
  }
  out.push('', 'Named scenarios (serve --scenario NAME):')
  for (const named of [...NAMED_SCENARIOS, ...SERVE_ONLY_SCENARIOS]) out.push(`  ${named.name.padEnd(30)}${named.description}`)
  out.push('', 'Config formats (fuzz --client cmd:… --config-format NAME):')
  for (const format of CONFIG_FORMATS) out.push(`  ${format.name.padEnd(30)}${format.description}`)
  out.push('', 'Scenario dimensions (* the base value; list --dimensions --json for the table as data):', ...dimensionLines())
  writeOut(`${out.join('\n')}\n`)
  return EXIT.ok
}

const module: CommandModule<object, ListArgs> = {
  command: 'list',
  describe: 'List the clients, properties and scenario dimensions',
  builder: (yargs) =>
    yargs
      .option('dimensions', { type: 'boolean', default: false, describe: 'Only the scenario dimensions' })
      .option('rules', {
        type: 'boolean',
        default: false,
        describe: 'Only the rule catalogue: every client rule of the spec and the property that judges it, or why none can',
      })
      .option('json', { type: 'boolean', default: false, describe: 'With --dimensions or --rules: that table as JSON' })
      .option('markdown', {
        type: 'boolean',
        default: false,
        describe: 'Only the property table (with --rules: the rule table), as Markdown (docs/properties.md, docs/rules.md)',
      })
      .example('$0 list', 'clients, properties, named scenarios, config formats and dimensions')
      .example('$0 list --dimensions --json', 'the dimension table as data')
      .example('$0 list --markdown', 'the property table as Markdown')
      .example('$0 list --rules', 'every client rule of the spec, and how the harness judges it'),
  handler: () => undefined, // run by cli.ts, which owns exit codes
}

export const listCommand: CliCommand<ListArgs> = { module, run: runListCommand }
