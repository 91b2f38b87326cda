import fc from 'fast-check'

/** How to re-case a word: as written, all lower, all upper, or one flag per character. */
export type LetterCase = 'as-written' | 'lower' | 'upper' | boolean[]

/**
 * A letter-case style for header names; shrinks back to "as written".
 *
 * @example
 * applyLetterCase('X-API-Key', fc.sample(letterCaseArbitrary(), 1)[0]!) // 'x-aPi-KEY'
 */
export function letterCaseArbitrary(): fc.Arbitrary<LetterCase> {
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 3, arbitrary: fc.constant('as-written' as const) },
    { weight: 1, arbitrary: fc.constantFrom('lower' as const, 'upper' as const) },
    { weight: 1, arbitrary: fc.array(fc.boolean(), { minLength: 1, maxLength: 24 }) },
  )
}

/** Applies a LetterCase to a word; per-character flags beyond the list leave the rest lower case. */
export function applyLetterCase(word: string, style: LetterCase): string {
  if (style === 'as-written') return word
  if (style === 'lower') return word.toLowerCase()
  if (style === 'upper') return word.toUpperCase()
  return [...word].map((char, i) => (style[i] ? char.toUpperCase() : char.toLowerCase())).join('')
}
