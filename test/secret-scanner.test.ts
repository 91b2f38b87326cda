import { describe, expect, it } from 'vitest'
import { Redactor } from '../src/recording/redactor.js'
import { SecretScanner } from '../src/recording/secret-scanner.js'
import { redactReportText } from '../src/report/run-report.js'

function redactorWith(...secrets: string[]): Redactor {
  const redactor = new Redactor()
  for (const secret of secrets) redactor.add(secret, 'token')
  return redactor
}

describe('SecretScanner: which redactors have a secret in a text, in one pass', () => {
  const a = redactorWith('access-3-13etfml1', 'quote"and\\slash')
  const b = redactorWith('62LP~Jh3Us9qClOldVLz8t6UW1buRz14S73c~5n.axA')
  const short = new Redactor()
  short.addConfigured('Q7z', 'X-API-Key')
  const scanner = new SecretScanner([a, b, short])

  it('finds each redactor by its own secrets: raw, percent-encoded, JSON-escaped, short configured ones as whole tokens', () => {
    expect(scanner.redactorsIn('Bearer access-3-13etfml1')).toEqual(new Set([a]))
    expect(scanner.redactorsIn('code_verifier=62LP%7EJh3Us9qClOldVLz8t6UW1buRz14S73c%7E5n.axA')).toEqual(new Set([b]))
    expect(scanner.redactorsIn(JSON.stringify({ x: 'quote"and\\slash' }))).toEqual(new Set([a]))
    expect(scanner.redactorsIn('X-API-Key: Q7z')).toEqual(new Set([short]))
    expect(scanner.redactorsIn('at the very end: access-3-13etfml1')).toEqual(new Set([a]))
  })

  it('finds nothing in redacted text, a near miss or a short value inside a word', () => {
    expect(scanner.redactorsIn('Bearer <redacted:token#1> and access-3-13etfml2, xQ7zx')).toEqual(new Set())
    expect(scanner.redactorsIn('')).toEqual(new Set())
  })

  it('gives the report writer the same verdict as each redactor on its own', () => {
    const text = `{"token": "access-3-13etfml1", "other": "62LP~Jh3Us9qClOldVLz8t6UW1buRz14S73c~5n.axA"}`
    const out = redactReportText(text, [a, b, short], 'test')
    expect(out).toBe('{"token": "<redacted:token#1>", "other": "<redacted:token#1>"}')
    expect([a, b, short].some((r) => r.leaksIn(out))).toBe(false)
  })

  it('a redactor with --redact patterns always applies: a pattern can match what no list knows', () => {
    const patterned = new Redactor([/sk-[a-z0-9]{8}/])
    expect(new SecretScanner([patterned]).neededFor('nothing known here')).toEqual([patterned])
    expect(redactReportText('key sk-abcdef12', [patterned], 'test')).toBe('key <redacted:pattern#1>')
  })
})
