// Writes the published JSON Schemas from the zod schemas the code validates with (run after tsc).
import { writeFileSync } from 'node:fs'
import { recordingJsonSchema } from '../dist/src/recording/recording-schema.js'
import { runReportJsonSchema } from '../dist/src/report/run-report-schema.js'

const write = (name, schema) =>
  writeFileSync(new URL(`../schema/${name}`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`)
write('recording.schema.json', recordingJsonSchema())
write('run-report.schema.json', runReportJsonSchema())
