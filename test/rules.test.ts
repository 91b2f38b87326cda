import { describe, expect, it } from 'vitest'
import { RULES } from '../properties/rules.js'
import { PROPERTIES } from '../properties/index.js'
import { PROTOCOL_VERSIONS } from '../src/core/scenario.js'
import { ruleStanding } from '../src/report/rule-catalogue.js'

/**
 * The rules traffic could show that no property judges yet (issue 37 asks a property for each). A
 * ratchet: a new rule cannot join them unnoticed, and each property written lowers it.
 */
const NOT_YET_JUDGED_AT_MOST = 0

// Issue 37 §1: every client rule of the spec has the property that judges it, or the reason it
// cannot be judged from traffic; every property that cites the spec judges a rule of the catalogue.
describe('the rule catalogue', () => {
  it('names each rule once, by a stable area/what id, in the revisions that state it, oldest first', () => {
    const ids = RULES.map((rule) => rule.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+$/)
      expect(rule.revisions.length, rule.id).toBeGreaterThan(0)
      const order = rule.revisions.map((version) => PROTOCOL_VERSIONS.indexOf(version))
      expect(order.every((index) => index >= 0)).toBe(true)
      expect(order, rule.id).toEqual([...order].sort((a, b) => a - b))
    }
  })

  it('gives every rule exactly one standing: judged by properties that exist, a reason, or what a property would check', () => {
    const known = new Set(PROPERTIES.map((property) => property.id))
    for (const rule of RULES) {
      const standings = [rule.judgedBy?.length ? 'judged' : undefined, rule.reason, rule.notYetJudged].filter(Boolean)
      expect(standings, rule.id).toHaveLength(1)
      for (const id of rule.judgedBy ?? []) expect(known.has(id), `${rule.id} names ${id}`).toBe(true)
    }
  })

  it('has every property that cites the spec judging at least one rule of it', () => {
    const named = new Set(RULES.flatMap((rule) => rule.judgedBy ?? []))
    const unnamed = PROPERTIES.filter((property) => property.source.kind === 'spec' && !named.has(property.id))
    expect(unnamed.map((property) => property.id)).toEqual([])
  })

  it('leaves no more rules unjudged than it did', () => {
    const open = RULES.filter((rule) => ruleStanding(rule) === 'NOT YET JUDGED').map((rule) => rule.id)
    expect(open.length, open.join(', ')).toBeLessThanOrEqual(NOT_YET_JUDGED_AT_MOST)
  })
})
