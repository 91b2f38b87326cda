import semver from 'semver'
import { npmRegistry, packument, registryRequest } from './registry-request.js'

/**
 * Released versions only (no pre-releases, nothing a registry lists that is not a version), oldest
 * first: what `bisect` and `matrix` walk.
 */
export function stableAscending(versions: Iterable<string>): string[] {
  return [...new Set(versions)].filter((v) => semver.valid(v) !== null && semver.prerelease(v) === null).sort(semver.compare)
}

/**
 * The versions of an npm package, from the registry the user's npm is configured for.
 *
 * @example
 * await npmVersions('@google/gemini-cli') // ['0.1.0', …, '0.22.4']
 */
export async function npmVersions(name: string): Promise<string[]> {
  const doc = await packument(await npmRegistry(), name, `which versions of ${name} were released`)
  return stableAscending(Object.keys(doc.versions ?? {}))
}

/**
 * The versions of a PyPI project, from the simple API's JSON form (PEP 700 lists them).
 *
 * @example
 * await pypiVersions('mcp') // ['1.0.0', '1.1.0', …]
 */
export async function pypiVersions(project: string): Promise<string[]> {
  const index = (await registryRequest(
    `https://pypi.org/simple/${project}/`,
    'application/vnd.pypi.simple.v1+json',
    `which versions of ${project} were released`,
  )) as { versions?: string[] }
  return stableAscending(index.versions ?? [])
}

/** The Go module proxy the user's Go would ask (its first HTTP entry in GOPROXY). */
function goProxy(): string {
  const entry = (process.env['GOPROXY'] ?? '').split(/[,|]/).find((candidate) => /^https?:\/\//.test(candidate))
  return (entry ?? 'https://proxy.golang.org').replace(/\/$/, '')
}

/**
 * The tagged versions of a Go module, from the module proxy's list, without their `v`.
 *
 * @example
 * await goModuleVersions('github.com/modelcontextprotocol/go-sdk') // ['1.1.0', '1.2.0', …]
 */
export async function goModuleVersions(module: string): Promise<string[]> {
  // The proxy's case encoding: an upper-case letter is "!" and its lower case.
  const escaped = module.replace(/[A-Z]/g, (letter) => `!${letter.toLowerCase()}`)
  const list = (await registryRequest(
    `${goProxy()}/${escaped}/@v/list`,
    'text/plain',
    `which versions of ${module} were released`,
    'text',
  )) as string
  return stableAscending(list.split('\n').map((line) => line.trim().replace(/^v/, '')))
}

/**
 * The versions of a crate that are not yanked, from crates.io's sparse index.
 *
 * @example
 * await crateVersions('rmcp') // [..., '3.11.0']
 */
export async function crateVersions(crate: string): Promise<string[]> {
  const name = crate.toLowerCase()
  const path =
    name.length <= 2
      ? `${name.length}/${name}`
      : name.length === 3
        ? `3/${name[0]}/${name}`
        : `${name.slice(0, 2)}/${name.slice(2, 4)}/${name}`
  const lines = (await registryRequest(
    `https://index.crates.io/${path}`,
    'text/plain',
    `which versions of ${crate} were released`,
    'text',
  )) as string
  const versions: string[] = []
  for (const line of lines.split('\n')) {
    if (!line.trim()) continue
    const entry = JSON.parse(line) as { vers?: string; yanked?: boolean }
    if (entry.vers && !entry.yanked) versions.push(entry.vers)
  }
  return stableAscending(versions)
}

/**
 * The versions of a Maven artifact, from Maven Central's metadata file.
 *
 * @example
 * await mavenVersions('io.modelcontextprotocol.sdk', 'mcp') // ['0.7.0', …, '2.2.0']
 */
export async function mavenVersions(group: string, artifact: string): Promise<string[]> {
  const url = `https://repo1.maven.org/maven2/${group.replace(/\./g, '/')}/${artifact}/maven-metadata.xml`
  const xml = (await registryRequest(
    url,
    'application/xml',
    `which versions of ${group}:${artifact} were released`,
    'text',
  )) as string
  // The file is a flat list of <version> elements: no parser needed for that.
  return stableAscending([...xml.matchAll(/<version>\s*([^<\s]+)\s*<\/version>/g)].map((m) => m[1]!))
}
