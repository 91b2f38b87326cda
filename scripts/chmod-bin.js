// tsc drops the executable bit; npm links the bin on install, but a local build needs it too.
import { chmodSync } from 'node:fs'
chmodSync(new URL('../dist/src/cli/main.js', import.meta.url), 0o755)
