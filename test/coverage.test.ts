import fc from 'fast-check'
import { CONFIGURED_GRANTS } from '../src/core/client-config.js'
import { describe, expect, it } from 'vitest'
import { pairwiseRows, type Factor, type Row } from '../src/coverage/covering-array.js'
import { TELLING_ORDER } from '../src/coverage/telling-order.js'
import { coverageInputs } from '../src/coverage/coverage-inputs.js'
import { baseInput } from '../src/dimensions/base-input.js'
import { shrinkInput } from '../src/coverage/shrink-input.js'
import { applies } from '../src/dimensions/dimension.js'
import { DIMENSIONS, dimensionsFor } from '../src/dimensions/dimensions.js'
import { trialInputSchema } from '../src/dimensions/trial-input-schema.js'
import { trialInputArbitrary } from '../src/arbitraries/trial-input.js'
import { NAMED_SCENARIOS } from '../src/scenario/named-scenarios.js'
import { HEADER_SETS } from '../src/dimensions/config-dimensions.js'

const BOTH = { transports: ['streamable-http', 'sse'] as const }
/** A client like the v2 SDK's: every grant of the authorization extensions, and DPoP. */
const EXTENDED = { transports: ['streamable-http'] as const, grants: CONFIGURED_GRANTS, dpop: true }

/** Whether value a of f and b of g both apply somewhere in the rows. */
function covered(factors: readonly Factor[], rows: readonly Row[], f: number, a: number, g: number, b: number): boolean {
  const active = (row: Row, x: number) => {
    const parent = factors[x]!.parent
    return !parent || parent.values.includes(row[parent.index]!)
  }
  return rows.some((row) => row[f] === a && row[g] === b && active(row, f) && active(row, g))
}

/** Random factor lists: sizes 1–5, some children of an earlier factor with a subset of its values. */
const factorsArbitrary = fc
  .array(fc.record({ size: fc.integer({ min: 1, max: 5 }), parentPick: fc.option(fc.nat(), { nil: undefined }) }), {
    minLength: 2,
    maxLength: 8,
  })
  .map((specs) =>
    specs.map(({ size, parentPick }, i): Factor => {
      // Parents are top-level factors declared earlier.
      const candidates = specs.slice(0, i).flatMap((s, j) => (s.parentPick === undefined ? [j] : []))
      if (parentPick === undefined || candidates.length === 0) return { size, base: 0 }
      const index = candidates[parentPick % candidates.length]!
      return { size, base: 0, parent: { index, values: [parentPick % specs[index]!.size] } }
    }),
  )

describe('the covering array', () => {
  it('every feasible pair of values of two factors appears in some row where both apply; the rows are the same every time', () => {
    fc.assert(
      fc.property(factorsArbitrary, (factors) => {
        const rows = pairwiseRows(factors)
        expect(pairwiseRows(factors)).toEqual(rows)
        for (let f = 0; f < factors.length; f++)
          for (let g = f + 1; g < factors.length; g++)
            for (let a = 0; a < factors[f]!.size; a++)
              for (let b = 0; b < factors[g]!.size; b++) {
                const pf = factors[f]!.parent
                const pg = factors[g]!.parent
                const feasible =
                  !(pf?.index === g && !pf.values.includes(b)) &&
                  !(pg?.index === f && !pg.values.includes(a)) &&
                  !(pf && pg && pf.index === pg.index && !pf.values.some((v) => pg.values.includes(v)))
                if (feasible) expect(covered(factors, rows, f, a, g, b), `${f}=${a}, ${g}=${b}`).toBe(true)
              }
      }),
      { numRuns: 200 },
    )
  })

  it('counts given rows: nothing already covered is repeated', () => {
    const factors: Factor[] = [
      { size: 2, base: 0 },
      { size: 2, base: 0 },
    ]
    expect(
      pairwiseRows(factors, [
        [0, 0],
        [0, 1],
        [1, 0],
        [1, 1],
      ]),
    ).toEqual([])
  })
})

describe('the dimension table', () => {
  it('set then get gives the value back, for every dimension and value, and nothing else changes', () => {
    const dimensions = dimensionsFor(BOTH)
    const base = baseInput(dimensions)
    // The input with a dimension's ancestors at values it applies under (the grandparent first).
    const startFor = (dimension: (typeof dimensions)[number]): typeof base => {
      const condition = dimension.appliesWhen
      if (!condition) return base
      const parent = dimensions.find((d) => d.name === condition.dimension)!
      return parent.set(
        startFor(parent),
        condition.values.find((v) => parent.values.includes(v))!,
      )
    }
    for (const dimension of dimensions) {
      const condition = dimension.appliesWhen
      const parent = condition && dimensions.find((d) => d.name === condition.dimension)!
      const start = startFor(dimension)
      for (const value of dimension.values) {
        const changed = dimension.set(start, value)
        expect(dimension.get(changed), `${dimension.name}=${String(value)}`).toBe(value)
        for (const other of dimensions)
          if (other !== dimension && other !== parent && applies(other, start, dimensions))
            expect(other.get(changed), `${dimension.name} changed ${other.name}`).toEqual(other.get(start))
      }
    }
  })

  it('reads any generated input: every applicable dimension has a value', () => {
    fc.assert(
      fc.property(trialInputArbitrary(['streamable-http', 'sse']), (input) => {
        for (const dimension of DIMENSIONS)
          if (applies(dimension, input, DIMENSIONS)) expect(dimension.get(input), dimension.name).not.toBeUndefined()
        expect(trialInputSchema.safeParse(input).success).toBe(true)
      }),
      { numRuns: 300 },
    )
  })
})

describe('the coverage phase', () => {
  const inputs = coverageInputs(BOTH)

  it('is the same on every call, and every input is a valid saved input', () => {
    expect(coverageInputs(BOTH)).toEqual(inputs)
    for (const { input } of inputs) expect(trialInputSchema.safeParse(input).success).toBe(true)
  })

  it('holds every named scenario × transport × canonical header set, the seed report among them', () => {
    const labels = inputs.filter((i) => i.stage === 'example').map((i) => i.label)
    expect(labels).toHaveLength(NAMED_SCENARIOS.length * 2 * Object.keys(HEADER_SETS).length)
    expect(labels).toContain('static-key-404-discovery × sse × x-api-key')
    const seed = inputs.find((i) => i.label === 'static-key-404-discovery × streamable-http × x-api-key')!.input
    expect(seed.config.headers).toEqual({ 'X-API-Key': 'test-key-12345' })
    expect(seed.plan.auth).toMatchObject({ kind: 'static-header', credential: 'configured', challenge: 'no-www-authenticate' })
    expect(seed.plan.notFound).toBe('404-json')
  })

  it.each([
    ['a client of both transports', BOTH],
    ['a client told of every authorization extension', EXTENDED],
  ] as const)('covers every feasible pair of dimension values: %s', (_name, client) => {
    // A dimension whose values tell alone is met once per value, in the base choice, paired with nothing.
    const alone = dimensionsFor(client).filter((d) => d.searched === 'alone')
    for (const d of alone)
      for (const value of d.values)
        expect(
          coverageInputs(client).some(({ input }) => d.get(input) === value),
          `${d.name}=${String(value)}`,
        ).toBe(true)
    const dimensions = dimensionsFor(client).filter((d) => d.searched === undefined)
    const rows = coverageInputs(client).map(({ input }) => dimensions.map((d) => d.get(input)))
    // What a dimension needs to apply: its parent's values, and what the parent needs, up the chain.
    const needs = (d: number): Array<{ index: number; values: readonly unknown[] }> => {
      const condition = dimensions[d]!.appliesWhen
      if (!condition) return []
      const parent = dimensions.findIndex((x) => x.name === condition.dimension)
      return [{ index: parent, values: condition.values }, ...needs(parent)]
    }
    const on = (row: unknown[], d: number) => needs(d).every(({ index, values }) => values.includes(row[index] as never))
    let pairs = 0
    for (let f = 0; f < dimensions.length; f++)
      for (let g = f + 1; g < dimensions.length; g++)
        for (const a of dimensions[f]!.values)
          for (const b of dimensions[g]!.values) {
            const nf = needs(f)
            const ng = needs(g)
            // A value the client cannot take (an SSE-only dimension for a Streamable HTTP client) is never met.
            if ([...nf, ...ng].some((n) => !n.values.some((v) => dimensions[n.index]!.values.includes(v as never)))) continue
            if (ng.some((n) => n.index === f && !n.values.includes(a))) continue
            if (nf.some((n) => n.index === g && !n.values.includes(b))) continue
            if (nf.some((n) => ng.some((m) => m.index === n.index && !n.values.some((v) => m.values.includes(v))))) continue
            pairs++
            expect(
              rows.some((row) => row[f] === a && row[g] === b && on(row, f) && on(row, g)),
              `${dimensions[f]!.name}=${String(a)} with ${dimensions[g]!.name}=${String(b)}`,
            ).toBe(true)
          }
    expect(pairs).toBeGreaterThan(2000)
  })

  it('runs the most telling inputs first, in the measured order, then the rest as built', () => {
    const ranked = inputs.filter((i) => i.stage !== 'pairwise' && TELLING_ORDER.includes(i.label))
    expect(inputs.slice(0, ranked.length)).toEqual(ranked)
    const ranks = ranked.map((i) => TELLING_ORDER.indexOf(i.label))
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b))
    // The pairwise rows come last, in the order the covering array built them.
    const pairwise = inputs.filter((i) => i.stage === 'pairwise').map((i) => Number(i.label.replace('pairwise row ', '')))
    expect(pairwise).toEqual(pairwise.map((_, i) => i + 1))
    expect(inputs.slice(-pairwise.length).every((i) => i.stage === 'pairwise')).toBe(true)
  })

  // A label the measured order names that no client's inputs have any more is an order to measure again.
  it('names only inputs that exist (else: npm run bench -- --only telling)', () => {
    // A client told of one grant meets that grant's refusals: one such client per grant.
    const oneGrant = CONFIGURED_GRANTS.map((grant) => ({ transports: ['streamable-http'] as const, grants: [grant], dpop: true }))
    const labels = new Set(
      [BOTH, EXTENDED, { ...BOTH, keepsOpen: true }, ...oneGrant].flatMap((c) => coverageInputs(c).map((i) => i.label)),
    )
    expect(TELLING_ORDER.filter((label) => !labels.has(label))).toEqual([])
  })

  // Each OAuth value is one base-choice input (the per-route refusals, the strict and CIMD servers
  // added 8 of them): the bound moves with the scenario space, never by more than its own growth.
  it('stays small enough for a slow client: at most 185 inputs for one transport, 215 for two', () => {
    expect(coverageInputs({ transports: ['sse'] }).length).toBeLessThanOrEqual(185)
    expect(inputs.length).toBeLessThanOrEqual(215)
  })

  // Held sessions cost their hold: four inputs at most, only for a client that can be told, never a pairwise row.
  it('holds sessions open in four inputs only, for a client that can be told to', () => {
    const held = (client: Parameters<typeof coverageInputs>[0]) =>
      coverageInputs(client).filter((i) => (i.input.config.keepOpenMs ?? 0) > 0)
    expect(held(BOTH)).toEqual([])
    expect(held(EXTENDED)).toEqual([])
    const holding = held({ ...BOTH, keepsOpen: true })
    expect(holding.map((i) => i.label)).toEqual(
      [
        'keepOpen=seconds, auth=oauth, oauth.tokenRefusal=get-stream:invalid-token',
        'keepOpen=seconds, auth=oauth, oauth.tokenLifetime=short',
        'keepOpen=seconds, getStreamEvents=notification-then-drop',
        'keepOpen=longer, auth=static-header, guard=get-stream-only, static.credential=unconfigured',
      ].sort((a, b) => TELLING_ORDER.indexOf(a) - TELLING_ORDER.indexOf(b)),
    )
    expect(holding.every((i) => i.stage === 'example')).toBe(true)
    // The greedy pairwise rows built after them may come out a few more or fewer (measured: +2).
    expect(coverageInputs({ ...BOTH, keepsOpen: true }).length).toBeLessThanOrEqual(coverageInputs(BOTH).length + 7)
  })

  // The extensions add a base choice per grant, DPoP mode and refusal (9), and their pairs; the
  // 2026-07-28 server variants (a non-ASCII tool name, a refused first request) 3 more, unpaired.
  it('stays small for a client told of every extension: at most 205 inputs for one transport', () => {
    expect(coverageInputs(EXTENDED).length).toBeLessThanOrEqual(205)
  })
})

describe('shrinking an input', () => {
  it('puts back every dimension the failure does not need, and drops the headers it does not need', async () => {
    const dimensions = dimensionsFor(BOTH)
    const failing = inputs()[50]!
    // A "failure" that needs only the sse transport and an X-Tenant header.
    const fails = async (input: typeof failing) => input.config.transport === 'sse' && 'X-Tenant' in input.config.headers
    const start = {
      ...failing,
      config: { ...failing.config, transport: 'sse' as const, headers: { ...failing.config.headers, 'X-Tenant': 'acme-1' } },
    }
    expect(await fails(start)).toBe(true)
    const { input, steps } = await shrinkInput(start, dimensions, fails)
    expect(steps).toBeGreaterThan(0)
    expect(input.config.headers).toEqual({ 'X-Tenant': 'acme-1' })
    expect(input.config.transport).toBe('sse')
    expect(input.plan).toEqual({ ...baseInput(dimensions).plan })
    expect(input.config.url).toBe('http://mcp.test/mcp')
  })
})

function inputs() {
  return coverageInputs(BOTH).map((c) => c.input)
}
