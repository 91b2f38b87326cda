#!/usr/bin/env node
// The bin entry: runs the CLI and exits with its code. Everything testable lives in cli.ts.
import { commandLineArgs, exitWith, tolerateUnhandledRejections } from '../runtime/process.js'
import { main } from './cli.js'
// The redaction boundary, installed before anything is written.
import '../recording/output-boundary.js'

tolerateUnhandledRejections()
await exitWith(await main(commandLineArgs()))
