import { diffArrays } from 'diff'
import { headerValue, jsonRpcMethod, type Exchange } from '../core/exchange.js'
import type { Trial } from '../core/trial.js'

/** Lines of difference shown at most: a loop of hundreds of requests stays readable. */
const MAX_LINES = 40

/**
 * One exchange as a line two runs of the same input can be compared by: what was asked and
 * answered, which configured headers went along, how it authorised. Origins become names in the
 * order they appear (each run has ports of its own), values are never printed.
 */
function exchangeShape(exchange: Exchange, trial: Trial, origins: Map<string, string>): string {
  const url = new URL(exchange.url)
  const origin = origins.get(url.origin) ?? `origin${origins.size + 1}`
  origins.set(url.origin, origin)
  const rpc = jsonRpcMethod(exchange.requestBody)
  const authorization = headerValue(exchange.requestHeaders, 'authorization')?.split(' ')[0]
  const configured = Object.keys(trial.config.headers).map(
    (name) => `${name}${headerValue(exchange.requestHeaders, name) === undefined ? ' ABSENT' : ''}`,
  )
  const sent = [
    ...(authorization ? [`Authorization: ${authorization} …`] : []),
    ...configured.filter((h) => !/^authorization( |$)/i.test(h)),
  ]
  return `${exchange.method} ${origin}${url.pathname}${rpc ? ` (${rpc})` : ''}${sent.length ? ` [${sent.join(', ')}]` : ''} → ${exchange.status ?? `no response${exchange.error ? ` (${exchange.error.slice(0, 60)})` : ''}`}`
}

/** A trial's traffic as comparable lines (see exchangeShape). */
export function trafficShape(trial: Trial): string[] {
  const origins = new Map<string, string>()
  return trial.exchanges.map((exchange) => exchangeShape(exchange, trial, origins))
}

/**
 * The traffic of the same input on two versions as a unified difference: `  ` both sent it,
 * `- ` only the older, `+ ` only the newer. Runs of lines both share are shortened to a count.
 *
 * @example
 * trafficDiff(goodTrial, badTrial)
 * // ['  POST origin1/mcp (initialize) [X-API-Key] → 200', '- GET origin1/mcp [X-API-Key] → 200', '+ GET origin1/mcp [X-API-Key ABSENT] → 401']
 */
export function trafficDiff(older: Trial, newer: Trial): string[] {
  const lines: string[] = []
  const parts = diffArrays(trafficShape(older), trafficShape(newer))
  parts.forEach((part, index) => {
    const mark = part.added ? '+ ' : part.removed ? '- ' : '  '
    const values = part.value as string[]
    // Context: what both sent, shortened to its ends when long (the first and last part keep only their edge).
    if (!part.added && !part.removed && values.length > 4) {
      const head = index === 0 ? [] : values.slice(0, 2)
      const tail = index === parts.length - 1 ? [] : values.slice(-2)
      lines.push(
        ...head.map((v) => `  ${v}`),
        `  … ${values.length - head.length - tail.length} exchange(s) alike …`,
        ...tail.map((v) => `  ${v}`),
      )
    } else lines.push(...values.map((v) => `${mark}${v}`))
  })
  return lines.length > MAX_LINES ? [...lines.slice(0, MAX_LINES), `  … ${lines.length - MAX_LINES} more line(s)`] : lines
}
