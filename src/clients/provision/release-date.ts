import semver from 'semver'
import { InputError } from '../../core/errors.js'
import { npmRegistry, packument, registryRequest } from './registry-request.js'

/**
 * When `name@version` was complete on the npm registry the user's npm is configured for: its own
 * publish time, or the last of its platform packages' (exact-version optional dependencies such as
 * `@openai/codex-linux-x64` or `@anthropic-ai/claude-code-linux-x64`, published minutes after it;
 * a cut-off before them leaves the CLI without its binary). A faithful install resolves every
 * dependency as of then (`npm install --before`).
 *
 * @example
 * await npmReleaseDate('@openai/codex', '0.171.0') // '2026-11-20T01:00:21.000Z' (its darwin-x64 package, the last up)
 */
export async function npmReleaseDate(name: string, version: string): Promise<string> {
  const registry = await npmRegistry()
  const what = `when ${name}@${version} was released`
  const own = await packument(registry, name, what)
  const published = own.time?.[version]
  if (!published) throw new InputError(`${name}@${version} is not a published version (the npm registry has no date for it)`)
  let complete = Date.parse(published)
  for (const [dependency, spec] of Object.entries(own.versions?.[version]?.optionalDependencies ?? {})) {
    const alias = /^npm:(.+)@([^@]+)$/.exec(spec)
    const [platformName, platformVersion] = alias ? [alias[1]!, alias[2]!] : [dependency, spec]
    if (!semver.valid(platformVersion)) continue
    // A platform package the registry lacks (another OS's build, say) only has no say in the date.
    const times = platformName === name ? own.time : (await packument(registry, platformName, what).catch(() => undefined))?.time
    const at = Date.parse(times?.[platformVersion] ?? '')
    if (at > complete) complete = at
  }
  return new Date(complete).toISOString()
}

/**
 * When `project==version` was uploaded to PyPI (its last file: a release's wheels and sdist go up
 * seconds apart), from the simple API's JSON form (PEP 691/700): a faithful install takes every
 * dependency as of then (`pip --uploaded-prior-to`).
 *
 * @example
 * await pypiReleaseDate('mcp', '1.0.0') // '2024-11-25T14:27:35.616Z'
 */
export async function pypiReleaseDate(project: string, version: string): Promise<string> {
  const index = (await registryRequest(
    `https://pypi.org/simple/${project}/`,
    'application/vnd.pypi.simple.v1+json',
    `when ${project}==${version} was released`,
  )) as { files?: Array<{ filename: string; 'upload-time'?: string }> }
  const prefix = `${project.replace(/-/g, '_')}-${version}`
  const times = (index.files ?? [])
    .filter(
      (file) =>
        file.filename.startsWith(`${prefix}-`) || file.filename === `${prefix}.tar.gz` || file.filename === `${prefix}.zip`,
    )
    .map((file) => file['upload-time'])
    .filter((time): time is string => typeof time === 'string')
    .sort()
  if (times.length === 0) throw new InputError(`${project}==${version} is not a published version (PyPI lists no file for it)`)
  return new Date(times.at(-1)!).toISOString()
}
