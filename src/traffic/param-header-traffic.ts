import type { Exchange } from '../core/exchange.js'
import { headerValue } from '../core/exchange.js'
import type { Trial } from '../core/trial.js'
import { paramHeaders, paramValue } from '../spec/param-headers.js'
import { listedTools } from './listed-tools.js'
import { modernToolCalls } from './modern-era.js'

/** One `x-mcp-header` parameter of one modern tool call: the value its argument gives, and the header sent. */
export interface MirroredParam {
  exchange: Exchange
  header: string
  /** The argument's header value; undefined when the call leaves it out (or null): the header is omitted. */
  expected?: string
  sent?: string
}

/** Every `x-mcp-header` parameter of every modern tool call whose tool the server listed with such parameters. */
export function mirroredParams(trial: Trial): MirroredParam[] {
  const tools = listedTools(trial.exchanges)
  return modernToolCalls(trial).flatMap(({ exchange, tool, args }) =>
    paramHeaders(tools.get(tool)).map(({ path, header }) => {
      const expected = paramValue(args, path)
      const sent = headerValue(exchange.requestHeaders, header)
      return { exchange, header, ...(expected !== undefined ? { expected } : {}), ...(sent !== undefined ? { sent } : {}) }
    }),
  )
}
