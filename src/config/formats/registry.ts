import { claudeFormat } from './claude-format.js'
import type { ConfigFormat } from './config-format.js'
import { cursorFormat } from './cursor-format.js'
import { headerFileFormat } from './header-file-format.js'
import { inspectorFormat } from './inspector-format.js'
import { jsonFormat } from './json-format.js'
import { vscodeFormat } from './vscode-format.js'

export const CONFIG_FORMATS: readonly ConfigFormat[] = [
  claudeFormat,
  vscodeFormat,
  cursorFormat,
  inspectorFormat,
  headerFileFormat,
  jsonFormat,
]

/** Looks a format up by name; throws a message listing the known names. */
export function configFormatByName(name: string): ConfigFormat {
  const format = CONFIG_FORMATS.find((candidate) => candidate.name === name)
  if (!format) throw new Error(`unknown config format "${name}"; known formats: ${CONFIG_FORMATS.map((f) => f.name).join(', ')}`)
  return format
}
