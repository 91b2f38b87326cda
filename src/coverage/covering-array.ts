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
  const active = (row: Row, f: number): boolean => {
    const parent = factors[f]!.parent
    return !parent || parent.values.includes(row[parent.index]!)
  }
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
          if (!feasible(factors, f, a, g, b)) continue
          uncovered.add(key(f, a, g, b))
          order.push([f, a, g, b])
        }
  const cover = (row: Row) => {
    for (let f = 0; f < factors.length; f++)
      for (let g = f + 1; g < factors.length; g++)
        if (active(row, f) && active(row, g)) uncovered.delete(key(f, row[f]!, g, row[g]!))
  }
  given.forEach(cover)
  // Parents first, so a child knows whether it applies when its turn comes.
  const fillOrder = factors.map((_, f) => f).sort((f, g) => Number(!!factors[f]!.parent) - Number(!!factors[g]!.parent))
  const rows: Row[] = []
  const growRow = (f: number, a: number, g: number, b: number): Row => {
    const row: Array<number | undefined> = factors.map(() => undefined)
    for (const [child, value] of [
      [f, a],
      [g, b],
    ] as const) {
      const parent = factors[child]!.parent
      if (parent && row[parent.index] === undefined)
        row[parent.index] = [f, g].includes(parent.index)
          ? parent.index === f
            ? a
            : b
          : commonParentValue(factors, f, g, parent.index)
      row[child] = value
    }
    for (const h of fillOrder) {
      if (row[h] !== undefined) continue
      const parent = factors[h]!.parent
      if (parent && !parent.values.includes(row[parent.index]!)) {
        row[h] = factors[h]!.base
        continue
      }
      let best = factors[h]!.base
      let bestGain = -1
      for (let v = 0; v < factors[h]!.size; v++) {
        let gain = 0
        for (let e = 0; e < factors.length; e++) {
          if (e === h || row[e] === undefined) continue
          const other = factors[e]!.parent
          if (other && !other.values.includes(row[other.index]!)) continue
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

/** Whether value a of factor f and value b of factor g can appear together with both applying. */
function feasible(factors: readonly Factor[], f: number, a: number, g: number, b: number): boolean {
  const pf = factors[f]!.parent
  const pg = factors[g]!.parent
  if (pf && pf.index === g && !pf.values.includes(b)) return false
  if (pg && pg.index === f && !pg.values.includes(a)) return false
  if (pf && pf.values.every((v) => v >= factors[pf.index]!.size)) return false
  if (pg && pg.values.every((v) => v >= factors[pg.index]!.size)) return false
  if (pf && pg && pf.index === pg.index) return pf.values.some((v) => pg.values.includes(v))
  return true
}

/** A value of `parent` that both f and g can live with (the first one). */
function commonParentValue(factors: readonly Factor[], f: number, g: number, parent: number): number {
  const allowed = (x: number) => {
    const p = factors[x]!.parent
    return p && p.index === parent ? p.values : undefined
  }
  const candidates = [allowed(f), allowed(g)].filter((v): v is readonly number[] => v !== undefined)
  for (let v = 0; v < factors[parent]!.size; v++) if (candidates.every((c) => c.includes(v))) return v
  return factors[parent]!.base
}
