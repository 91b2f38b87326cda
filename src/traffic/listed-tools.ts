import type { Exchange } from '../core/exchange.js'
import { jsonRpcMethod } from '../core/exchange.js'
import { parseJsonOr } from '../core/json.js'

interface ListResult {
  result?: { tools?: Array<{ name?: unknown; inputSchema?: unknown }> }
}

/** The messages of a response: its JSON body, or the data of each SSE event. */
function responseMessages(exchange: Exchange): unknown[] {
  const texts = exchange.events ? exchange.events.map((event) => event.data) : [exchange.responseBody]
  return texts.flatMap((text) => {
    const parsed = parseJsonOr(text, undefined)
    return Array.isArray(parsed) ? parsed : parsed === undefined ? [] : [parsed]
  })
}

/** Every tool the server listed in the trial (`tools/list` results, JSON or SSE), by name: its input schema. */
export function listedTools(exchanges: readonly Exchange[]): Map<string, unknown> {
  const tools = new Map<string, unknown>()
  for (const exchange of exchanges) {
    if (jsonRpcMethod(exchange.requestBody) !== 'tools/list') continue
    for (const message of responseMessages(exchange))
      for (const tool of (message as ListResult | null)?.result?.tools ?? [])
        if (typeof tool?.name === 'string') tools.set(tool.name, tool.inputSchema)
  }
  return tools
}
