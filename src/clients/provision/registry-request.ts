import { InputError } from '../../core/errors.js'
import { installStep } from './provision.js'

/**
 * What a package registry answered at `url`, as JSON or text; an input error saying what could not
 * be learnt (`what`) and why: a registry that cannot be reached, a package it does not have.
 */
export async function registryRequest(url: string, accept: string, what: string, as: 'json' | 'text' = 'json'): Promise<unknown> {
  let response: Response
  try {
    // crates.io refuses requests without a user agent that names the tool.
    const headers = { accept, 'user-agent': 'mcp-auth-harness (https://www.npmjs.com/package/mcp-auth-harness)' }
    response = await fetch(url, { headers, signal: AbortSignal.timeout(60_000) })
  } catch (error) {
    throw new InputError(`cannot tell ${what}: ${url} did not answer (${(error as Error).message})`)
  }
  if (!response.ok) throw new InputError(`cannot tell ${what}: ${url} answered ${response.status}`)
  return as === 'json' ? response.json() : response.text()
}

/** The npm registry the user's npm is configured for, ending in a slash. */
export async function npmRegistry(): Promise<string> {
  const configured = (await installStep('npm', ['config', 'get', 'registry'], 'asking npm for its registry')).trim()
  return configured.endsWith('/') ? configured : `${configured}/`
}

/** A package's registry document: versions with their manifests, and publish times. */
export type Packument = {
  time?: Record<string, string>
  versions?: Record<string, { optionalDependencies?: Record<string, string>; deprecated?: string }>
}

/** The packument of `name` from the npm registry at `registry`. */
export async function packument(registry: string, name: string, what: string): Promise<Packument> {
  return (await registryRequest(`${registry}${name.replace('/', '%2F')}`, 'application/json', what)) as Packument
}
