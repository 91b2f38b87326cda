import { join } from 'node:path'
import { readTextIfPresent } from '../../runtime/files.js'

/** The dependencies whose versions decide how an MCP client behaves on the wire. */
const DECIDING = ['@modelcontextprotocol/sdk', '@modelcontextprotocol/client']

/**
 * The versions an `npm install --prefix DIR` resolved for the package itself and the MCP SDKs
 * anywhere in its tree (npm's `node_modules/.package-lock.json`): several copies are listed together.
 *
 * @example
 * await npmResolvedDependencies(dir, '@google/gemini-cli') // { '@google/gemini-cli': '0.1.0', '@modelcontextprotocol/sdk': '1.11.0' }
 */
export async function npmResolvedDependencies(dir: string, packageName: string): Promise<Record<string, string>> {
  const text = await readTextIfPresent(join(dir, 'node_modules', '.package-lock.json'))
  if (!text) return {}
  const packages = (JSON.parse(text) as { packages?: Record<string, { version?: string }> }).packages ?? {}
  const found = new Map<string, Set<string>>()
  for (const [path, entry] of Object.entries(packages)) {
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)
    if (!entry.version || !(name === packageName || DECIDING.includes(name))) continue
    found.set(name, (found.get(name) ?? new Set()).add(entry.version))
  }
  return Object.fromEntries([...found].map(([name, versions]) => [name, [...versions].sort().join(',')]))
}
