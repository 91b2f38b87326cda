import { InputError } from '../../core/errors.js'
import { installStep } from './provision.js'

/** What a registry answered, or an input error saying what could not be learnt and why. */
async function registryJson(url: string, accept: string, what: string): Promise<unknown> {
  let response: Response
  try {
    response = await fetch(url, { headers: { accept }, signal: AbortSignal.timeout(60_000) })
  } catch (error) {
    throw new InputError(`cannot tell when ${what} was released: ${url} did not answer (${(error as Error).message})`)
  }
  if (!response.ok) throw new InputError(`cannot tell when ${what} was released: ${url} answered ${response.status}`)
  return response.json()
}

/**
 * When `name@version` was published on the npm registry the user's npm is configured for (its
 * `time` field): a faithful install resolves every dependency as of then (`npm install --before`).
 *
 * @example
 * await npmReleaseDate('mcp-remote', '0.1.0') // '2025-05-07T10:39:32.440Z'
 */
export async function npmReleaseDate(name: string, version: string): Promise<string> {
  const registry = (await installStep('npm', ['config', 'get', 'registry'], 'asking npm for its registry')).trim()
  const base = registry.endsWith('/') ? registry : `${registry}/`
  const packument = (await registryJson(`${base}${name.replace('/', '%2F')}`, 'application/json', `${name}@${version}`)) as {
    time?: Record<string, string>
  }
  const published = packument.time?.[version]
  if (!published) throw new InputError(`${name}@${version} is not a published version (the npm registry has no date for it)`)
  return new Date(published).toISOString()
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
  const index = (await registryJson(
    `https://pypi.org/simple/${project}/`,
    'application/vnd.pypi.simple.v1+json',
    `${project}==${version}`,
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
