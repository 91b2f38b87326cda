/**
 * One factor of a covering array: how many values it has, its base value (what a slot that covers
 * nothing new gets), and optionally the parent factor whose values it depends on.
 */
/** Rows tried for each row kept: more gives fewer rows, at a cost that grows with it. */
const CANDIDATES = 40

export interface Factor {
  size: number
  base: number
  /** The factor only applies when factor `index` has one of `values`; otherwise its slot is its base, unjudged. */
  parent?: { index: number; values: readonly number[] }
}

/** A row: one value index per factor. */
export type Row = number[]

/**
 * A pairwise covering array, built greedily and deterministically (no randomness: the same factors
 * give the same rows): every feasible pair of values of two factors appears in some row, counting
 * the `given` rows first. A pair is feasible when both factors can apply at once (a child factor's
 * parent has a value it needs). Each new row starts from the first uncovered pair and fills every
 * other slot with the value that covers most uncovered pairs, preferring the base on ties, so
 * rows stay close to the common case.
 *
 * @example
 * pairwiseRows([{ size: 2, base: 0 }, { size: 2, base: 0 }, { size: 2, base: 0 }]) // 4 rows
 */
export function pairwiseRows(factors: readonly Factor[], given: readonly Row[] = []): Row[] {
  // A factor applies when its parent has a value it needs and the parent applies too, up the chain.
  const needs = factors.map((_, f) => requirements(factors, f))
  const active = (row: readonly (number | undefined)[], f: number): boolean =>
    needs[f]!.every(({ index, values }) => values.includes(row[index]!))
  // A pair of values of two factors as one number, its flag in a byte array: this runs some million
  // times for the built-in dimensions, and string keys in a Set made the phase cost a second per client.
  const n = factors.length
  const width = Math.max(1, ...factors.map((factor) => factor.size))
  const key = (f: number, a: number, g: number, b: number) =>
    f < g ? ((f * n + g) * width + a) * width + b : ((g * n + f) * width + b) * width + a
  const flags = new Uint8Array(n * n * width * width)
  const uncovered = {
    size: 0,
    has: (k: number) => flags[k] === 1,
    add(k: number) {
      if (flags[k] === 0) this.size++
      flags[k] = 1
    },
    delete(k: number) {
      if (flags[k] === 1) this.size--
      flags[k] = 0
    },
  }
  const order: Array<[number, number, number, number]> = []
  for (let f = 0; f < factors.length; f++)
    for (let g = f + 1; g < factors.length; g++)
      for (let a = 0; a < factors[f]!.size; a++)
        for (let b = 0; b < factors[g]!.size; b++) {
          if (!feasible(factors, needs, f, a, g, b)) continue
          uncovered.add(key(f, a, g, b))
          order.push([f, a, g, b])
        }
  const cover = (row: Row) => {
    for (let f = 0; f < factors.length; f++)
      for (let g = f + 1; g < factors.length; g++)
        if (active(row, f) && active(row, g)) uncovered.delete(key(f, row[f]!, g, row[g]!))
  }
  given.forEach(cover)
  // Ancestors first (by depth), so a child knows whether it applies when its turn comes.
  const fillOrder = factors.map((_, f) => f).sort((f, g) => needs[f]!.length - needs[g]!.length)
  const rows: Row[] = []
  const growRow = (f: number, a: number, g: number, b: number): Row => {
    const row: Array<number | undefined> = factors.map(() => undefined)
    row[f] = a
    row[g] = b
    // Every ancestor of either at a value both can live with.
    for (const { index } of [...needs[f]!, ...needs[g]!]) {
      if (row[index] !== undefined) continue
      const allowed = [...needs[f]!, ...needs[g]!].filter((n) => n.index === index).map((n) => n.values)
      const value = allowed[0]!.find((v) => allowed.every((values) => values.includes(v)))
      row[index] = value ?? factors[index]!.base
    }
    for (const h of fillOrder) {
      if (row[h] !== undefined) continue
      if (!active(row, h)) {
        row[h] = factors[h]!.base
        continue
      }
      let best = factors[h]!.base
      let bestGain = -1
      for (let v = 0; v < factors[h]!.size; v++) {
        let gain = 0
        for (let e = 0; e < factors.length; e++) {
          if (e === h || row[e] === undefined) continue
          if (!active(row, e)) continue
          if (uncovered.has(key(h, v, e, row[e]!))) gain++
        }
        if (gain > bestGain || (gain === bestGain && v === factors[h]!.base)) {
          best = v
          bestGain = gain
        }
      }
      row[h] = best
    }
    return row as Row
  }
  let cursor = 0
  const gainOf = (row: Row) => {
    let gain = 0
    for (let f = 0; f < factors.length; f++)
      for (let g = f + 1; g < factors.length; g++)
        if (active(row, f) && active(row, g) && uncovered.has(key(f, row[f]!, g, row[g]!))) gain++
    return gain
  }
  while (uncovered.size > 0) {
    while (!uncovered.has(key(...order[cursor]!))) cursor++
    // Candidates: rows grown from the first uncovered pair of several different factor pairs; the
    // one that covers most is kept (AETG's idea, with deterministic seeds instead of random orders).
    let best: Row | undefined
    let bestGain = 0
    const seen = new Set<number>()
    for (let i = cursor; i < order.length && seen.size < CANDIDATES; i++) {
      const [f, a, g, b] = order[i]!
      if (seen.has(f * n + g) || !uncovered.has(key(f, a, g, b))) continue
      seen.add(f * n + g)
      const row = growRow(f, a, g, b)
      const gain = gainOf(row)
      if (gain > bestGain) {
        best = row
        bestGain = gain
      }
    }
    cover(best!)
    rows.push(best!)
  }
  return rows
}

/** What factor f needs to apply: each ancestor's index with the values it must have (the parent's, the grandparent's, …). */
function requirements(factors: readonly Factor[], f: number): Array<{ index: number; values: readonly number[] }> {
  const parent = factors[f]!.parent
  return parent ? [{ index: parent.index, values: parent.values }, ...requirements(factors, parent.index)] : []
}

/** Whether value a of factor f and value b of factor g can appear together with both applying. */
function feasible(
  factors: readonly Factor[],
  needs: ReadonlyArray<ReadonlyArray<{ index: number; values: readonly number[] }>>,
  f: number,
  a: number,
  g: number,
  b: number,
): boolean {
  const all = [...needs[f]!, ...needs[g]!]
  // Each need must be satisfiable at all (the parent has such a value for this client).
  if (all.some(({ index, values }) => !values.some((v) => v < factors[index]!.size))) return false
  if (needs[f]!.some((n) => n.index === g && !n.values.includes(b))) return false
  if (needs[g]!.some((n) => n.index === f && !n.values.includes(a))) return false
  // Needs on a common ancestor must share a value.
  return all.every((n) => all.every((m) => m.index !== n.index || n.values.some((v) => m.values.includes(v))))
}
