// The oldest Node the harness runs on, checked before anything else is loaded: an older one would
// crash on the first trial (msw uses Set.prototype.intersection) with exit 1, the code of a violation.
import process from 'node:process'

/** undici 8 needs 22.19; `module:` clients in TypeScript need type stripping without a flag (22.18). */
export const NODE_FLOOR = [22, 19] as const

/**
 * Why this runtime cannot run the harness (a Node older than NODE_FLOOR), or undefined. Deno
 * reports its own version and brings what the harness needs.
 *
 * @example
 * nodeVersionProblem({ node: '20.20.2' }) // 'Node 20.20.2 is older than 22.19, …'
 */
export function nodeVersionProblem(
  versions: NodeJS.ProcessVersions | Record<string, string> = process.versions,
): string | undefined {
  if ('deno' in versions) return undefined
  const [major = 0, minor = 0] = (versions.node ?? '0').split('.').map(Number)
  const [floorMajor, floorMinor] = NODE_FLOOR
  if (major > floorMajor || (major === floorMajor && minor >= floorMinor)) return undefined
  return `Node ${versions.node} is older than ${floorMajor}.${floorMinor}, the oldest this tool runs on: use Node ${floorMajor}.${floorMinor} or newer (in this repo, npx and npm scripts use the Node 24 it brings)`
}
