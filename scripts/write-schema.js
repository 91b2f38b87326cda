// Writes schema/recording.schema.json from the zod schema the loader uses (run after tsc).
import { writeFileSync } from 'node:fs'
import { recordingJsonSchema } from '../dist/src/recording/recording-schema.js'

writeFileSync(new URL('../schema/recording.schema.json', import.meta.url), `${JSON.stringify(recordingJsonSchema(), null, 2)}\n`)
