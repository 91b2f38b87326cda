import { describe, expect, it } from 'vitest'
import { cli } from '../helpers/cli.js'
import { versionsBetween, parseVersionList } from '../../src/versions/version-range.js'

describe('bisect: usage errors before anything is installed (exit 2)', () => {
  it.each([
    [['--client', 'go-sdk', '--good', '1.4.0', '--bad', '1.8.0'], /--input FILE .* or --property ID/],
    [['--client', 'go-sdk', '--good', '1.4.0', '--bad', '1.8.0', '--property', 'x', '--input', 'y'], /one of them/],
    [['--client', 'go-sdk@1.8.0', '--good', '1.4.0', '--bad', '1.8.0', '--property', 'client-registration'], /without a version/],
    [['--client', 'cmd:node x.js', '--good', '1', '--bad', '2', '--property', 'client-registration'], /no releases to walk/],
    [['--client', 'go-sdk', '--good', '1.4.0', '--bad', '1.4.0', '--property', 'client-registration'], /the same version/],
    [['--client', 'go-sdk', '--good', '1.4.0', '--bad', '1.8.0', '--property', 'no-such-property'], /no-such-property/],
    [['--client', 'go-sdk', '--good', '1.4.0', '--bad', '1.8.0', '--property', 'client-registration', '--jobs', '0'], /--jobs/],
  ])('bisect %j', async (args, message) => {
    const { code, stderr } = await cli('bisect', ...(args as string[]))
    expect(code).toBe(2)
    expect(stderr).toMatch(message as RegExp)
  })
})

describe('version ranges', () => {
  const released = ['1.0.0', '1.1.0', '1.2.0', '2.0.0']
  it('takes either order, both ends included', () => {
    expect(versionsBetween(released, '2.0.0', '1.1.0', 'x')).toEqual(['1.1.0', '1.2.0', '2.0.0'])
  })
  it('names the released versions near a typo', () => {
    expect(() => versionsBetween(released, '1.1.5', '2.0.0', 'python-sdk')).toThrow(
      /python-sdk 1\.1\.5 is not a released version \(nearby: 1\.0\.0, 1\.1\.0, 1\.2\.0, 2\.0\.0\)/,
    )
  })
  it('parses a list or last:N', () => {
    expect(parseVersionList('last:2', released, 'x')).toEqual(['1.2.0', '2.0.0'])
    expect(parseVersionList('2.0.0, 1.0.0', released, 'x')).toEqual(['1.0.0', '2.0.0'])
    expect(() => parseVersionList('last:0', released, 'x')).toThrow(/last:N/)
  })
})
