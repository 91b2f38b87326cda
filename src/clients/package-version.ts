import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The installed version of the npm package `name`, found from one of its modules (`entry`, a
 * specifier this package's exports resolve): expected failures are keyed by the version that runs.
 *
 * @example
 * installedPackageVersion('@modelcontextprotocol/sdk', '@modelcontextprotocol/sdk/client/index.js') // '1.32.2'
 */
export function installedPackageVersion(name: string, entry: string): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.resolve(entry)))
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string }
      if (manifest.name === name) return manifest.version
    } catch {
      // no package.json at this level (or an unreadable one): keep walking up
    }
    const parent = dirname(dir)
    if (parent === dir) return undefined
    dir = parent
  }
}
