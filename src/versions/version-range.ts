import semver from 'semver'
import { InputError } from '../core/errors.js'

/**
 * The released versions from `a` to `b` (either order, both included), oldest first. Both must be
 * released versions the registry lists: a typo is an input error naming the nearest ones.
 *
 * @example
 * versionsBetween(['1.0.0', '1.1.0', '1.2.0', '2.0.0'], '1.2.0', '1.0.0') // ['1.0.0', '1.1.0', '1.2.0']
 */
export function versionsBetween(released: readonly string[], a: string, b: string, what: string): string[] {
  for (const version of [a, b]) checkReleased(released, version, what)
  const [low, high] = semver.lte(a, b) ? [a, b] : [b, a]
  return released.filter((v) => semver.gte(v, low) && semver.lte(v, high))
}

/** An input error unless `version` is one of `released`, naming the released versions around it. */
export function checkReleased(released: readonly string[], version: string, what: string): void {
  if (released.includes(version)) return
  const valid = semver.valid(version)
  const near = valid
    ? [...released.filter((v) => semver.lt(v, valid)).slice(-2), ...released.filter((v) => semver.gt(v, valid)).slice(0, 2)]
    : released.slice(-3)
  throw new InputError(
    `${what} ${version.slice(0, 40)} is not a released version${near.length ? ` (nearby: ${near.join(', ')})` : ''}; ${released.length} released versions are listed by its registry`,
  )
}

/**
 * `--versions 1.2.0,1.3.0` or `--versions last:5` (the newest five) → the versions, oldest first.
 *
 * @example
 * parseVersionList('last:2', ['1.0.0', '1.1.0', '1.2.0'], 'python-sdk') // ['1.1.0', '1.2.0']
 */
export function parseVersionList(text: string, released: readonly string[], what: string): string[] {
  const last = /^last:(\d+)$/.exec(text.trim())
  if (last) {
    const count = Number(last[1])
    if (count < 1 || count > 200) throw new InputError(`--versions last:N takes N from 1 to 200, got ${last[1]}`)
    return released.slice(-count)
  }
  const named = text
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean)
  if (named.length === 0) throw new InputError(`--versions takes a comma-separated list (1.2.0,1.3.0) or last:N, got "${text}"`)
  for (const version of named) checkReleased(released, version, what)
  return [...new Set(named)].sort(semver.compare)
}
