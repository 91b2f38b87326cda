#!/usr/bin/env node
// The bin entry: checks the runtime, then runs the CLI and exits with its code. Everything testable
// lives in cli.ts, loaded only once the runtime is known to be new enough.
import { nodeVersionProblem } from '../runtime/node-version.js'

const tooOld = nodeVersionProblem()
if (tooOld) {
  process.stderr.write(`mcp-auth-harness: ${tooOld}\n`)
  process.exit(2)
}
// The redaction boundary, installed before anything is written.
await import('../recording/output-boundary.js')
const { commandLineArgs, endOnFatalSignals, endWhenReaderGoes, exitWith, tolerateUnhandledRejections } =
  await import('../runtime/process.js')
const { killLiveProcessGroups } = await import('../runtime/child-process.js')
const { removeLiveTempDirs } = await import('../runtime/files.js')
const { main } = await import('./cli.js')
// Process-wide handlers belong to the CLI, never to a library import.
endWhenReaderGoes()
tolerateUnhandledRejections()
// Ctrl-C outside a command's own handling (a first-use install, `clients install`): no installer
// left running, no half-made folder left behind.
endOnFatalSignals((signal) => {
  const stopped = killLiveProcessGroups()
  const removed = removeLiveTempDirs()
  process.stderr.write(
    `\nmcp-auth-harness: ${signal}: stopped ${stopped} process group(s), removed ${removed} unfinished folder(s)\n`,
  )
})
await exitWith(await main(commandLineArgs()))
