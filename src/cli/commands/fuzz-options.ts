// `fuzz`'s options and examples, as yargs declares them (what `fuzz --help` prints).
import type { Argv } from 'yargs'
import { CLIENT_READS } from '../../clients/command-client.js'
import { CONFIG_FORMATS } from '../../config/formats/registry.js'
import { DEFAULT_FOUND_DIR } from '../../report/save-counterexample.js'
import { DEFAULT_RUNS, DEFAULT_TIMEOUT_MS } from '../../runner/fuzz.js'
import { BUNDLED_EXPECTED_FAILURES } from '../../resolve/resolve-client.js'

/** Declares every `fuzz` option, with its default and description, and the examples. */
export function fuzzOptions(yargs: Argv) {
  return yargs
    .option('client', {
      type: 'string',
      array: true,
      describe: 'Client(s) to test: a name (see `list`), cmd:COMMAND or module:PATH; default: the SDK clients (v1 and v2)',
    })
    .option('property', { type: 'string', array: true, describe: 'Property id(s) to check (see `list`); default: all' })
    .option('runs', {
      type: 'number',
      default: DEFAULT_RUNS,
      describe: 'Random-phase trials per client (the coverage phase before it has a fixed size)',
    })
    .option('phases', {
      type: 'string',
      describe:
        'Comma-separated phases to run, in order: coverage (deterministic: named scenarios, OAuth base choices, every pair of dimension values), random (fast-check, --runs trials of --seed); default: coverage,random',
    })
    .option('min-exercised', {
      type: 'number',
      describe: 'Fail the run (exit 1) when a selected property was exercised by fewer than N trials of some client',
    })
    .option('verbose', {
      type: 'boolean',
      default: false,
      describe: 'The full table as results come, each counterexample with its traffic, each expected failure explained',
    })
    .option('seed', { type: 'number', describe: 'fast-check seed; the same seed replays the same trials' })
    .option('path', {
      type: 'string',
      describe: 'Counterexample path printed with a failure; replays just that trial (with its --seed)',
    })
    .option('timeout', {
      type: 'number',
      default: DEFAULT_TIMEOUT_MS,
      describe: 'Per-trial timeout in ms; a hang is reported with its partial traffic',
    })
    .option('config-format', {
      type: 'string',
      choices: CONFIG_FORMATS.map((f) => f.name),
      default: 'claude',
      describe: 'For cmd: clients, the format of the config file written per trial ({config})',
    })
    .option('client-reads', {
      type: 'string',
      array: true,
      choices: CLIENT_READS,
      describe:
        'For cmd: clients, what the program reads beyond URL, headers and transport: oauth-client-id (a pre-registered OAuth client, MCP_OAUTH_CLIENT_ID), keep-open (how long to hold the session open after its calls, MCP_KEEP_OPEN_MS); nothing else is written',
    })
    .option('session-loop', {
      type: 'boolean',
      describe:
        'For cmd: clients: start the program once per concurrent trial and give it one session per line on its standard input (MCP_SESSION_LOOP=1; see "Session loop" in docs/clients.md) instead of once per trial',
    })
    .option('network', {
      type: 'string',
      choices: ['in-process', 'real-port'] as const,
      default: 'in-process' as const,
      describe:
        'Serve in-process clients through interception (fast) or on real 127.0.0.1 ports; cmd: clients always use real ports',
    })
    .option('fail-fast', {
      type: 'boolean',
      describe:
        "Stop each client at its first unexpected violation: that property is reported (shrunk), the client's others are not judged (for slow clients in CI)",
    })
    .option('shrink', {
      type: 'boolean',
      default: true,
      describe: 'Shrink failures to a minimal counterexample (--no-shrink: report the first failure as found, for slow clients)',
    })
    .option('expected-failures', {
      type: 'string',
      default: BUNDLED_EXPECTED_FAILURES,
      defaultDescription: 'the bundled expected-failures.json',
      describe:
        'Known violations (client, property, seed, path, reason): reported as expected; a listed one that no longer reproduces fails the run. "none" to ignore',
    })
    .option('found-dir', {
      type: 'string',
      default: DEFAULT_FOUND_DIR,
      describe: 'Where each unexpected violation is saved as a counterexample recording (+ .curl.sh); "none" to save nothing',
    })
    .option('examples', {
      type: 'boolean',
      default: true,
      describe:
        'Replay the counterexamples saved in --found-dir for these clients (same name and version) first, judged by every property (--no-examples: do not)',
    })
    .option('shard', {
      type: 'string',
      describe: 'i/n: run only this shard of the trials (needs --seed; n jobs with the same seed run disjoint trials)',
    })
    .option('json', {
      type: 'boolean',
      default: false,
      describe: 'Print one JSON document (schema/run-report.schema.json) on stdout instead of the text report',
    })
    .option('junit', { type: 'string', describe: 'Write JUnit XML here: a testcase per client × property' })
    .option('checks-dir', {
      type: 'string',
      describe: 'Write conformance-suite-shaped DIR/<client>/checks.json (id, status, specReferences, details)',
    })
    .option('summary', {
      type: 'string',
      describe: 'Append a Markdown summary with Mermaid sequence diagrams here (e.g. "$GITHUB_STEP_SUMMARY")',
    })
    .option('html', {
      type: 'string',
      describe:
        'Write one self-contained HTML report here: verdict matrix, each finding as a sequence diagram, request details, statistics',
    })
    .option('concurrency', {
      type: 'number',
      describe:
        'Trials at once, each on its own ports (default: two per core for session loops: the SDK adapters, cmd: with --session-loop; one per core for other clients in other processes: agent CLIs, cmd:; 1 in process)',
    })
    .option('transport', {
      type: 'string',
      array: true,
      choices: ['streamable-http', 'sse'] as const,
      describe: 'Only these transports',
    })
    .example('$0 fuzz', 'fuzz the bundled SDK clients over both transports')
    .example('$0 fuzz --client faulty:drops-headers', 'show a caught bug: a client that ignores configured headers')
    .example('$0 fuzz --client sdk-sse --property headers-always-sent --runs 500', 'one client, one property, more trials')
    .example(
      '$0 fuzz --client faulty:drops-headers --property headers-always-sent --seed 42 --path "0:0"',
      'replay a printed counterexample',
    )
    .example(
      '$0 fuzz --seed 7 --shard 2/4 --junit junit-2.xml --summary "$GITHUB_STEP_SUMMARY"',
      'CI: the second of four shards, with a JUnit report and a job summary',
    )
    .example('$0 fuzz --client faulty:drops-headers --html report.html', 'a report to open in a browser (works offline)')
    .example('$0 fuzz --json > report.json', 'one JSON document, for scripts')
    .example('$0 fuzz --client python-sdk --fail-fast', 'a slow client: stop at its first unexpected violation')
    .example(
      '$0 fuzz --client cmd:./my-client.sh --phases coverage --concurrency 2',
      'a slow client: the coverage phase only, two at a time',
    )
    .example(
      '$0 fuzz --client sdk-streamable --property session-id-echoed --min-exercised 20',
      'fail unless the property was really judged 20 times',
    )
}
