import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import { spec, type Property, type Violation } from '../../src/property/property.js'
import type { Trial } from '../../src/core/trial.js'
import type { Exchange } from '../../src/core/exchange.js'
import { NOT_JSON, parseJsonOr } from '../../src/core/json.js'
import { isModernVersion } from '../../src/core/scenario.js'
import { CLIENT_MESSAGE_SCHEMAS } from '../../src/spec/client-message-schema.js'
import { mcpEndpointExchanges } from '../../src/traffic/mcp-endpoint.js'
import { negotiatedVersion } from '../../src/traffic/negotiated-version.js'

const ID = 'client-messages-valid'

// allErrors: with `not x or y` the error that names the missing field comes from the second branch.
const ajv = new Ajv({ allErrors: true, strict: false })
const validators: Record<'legacy' | 'modern', ValidateFunction> = {
  legacy: ajv.compile(CLIENT_MESSAGE_SCHEMAS.legacy),
  modern: ajv.compile(CLIENT_MESSAGE_SCHEMAS.modern),
}

/** The version a message claims in its 2026-era `_meta`, if any. */
function metaVersion(message: unknown): string | undefined {
  const meta = (message as { params?: { _meta?: Record<string, unknown> } } | null)?.params?._meta
  const version = meta?.['io.modelcontextprotocol/protocolVersion']
  return typeof version === 'string' ? version : undefined
}

/** JSON bodies the client POSTed to the MCP endpoint, parsed. */
function postedMessages(trial: Trial): Array<{ exchange: Exchange; body: unknown }> {
  return mcpEndpointExchanges(trial.config, trial.exchanges).flatMap((exchange) => {
    if (exchange.method !== 'POST' || !exchange.requestBody) return []
    const body = parseJsonOr(exchange.requestBody, NOT_JSON)
    return body === NOT_JSON ? [] : [{ exchange, body }]
  })
}

/** The error that says what is wrong: a missing or mistyped field, not the combinators around it. */
function describe(errors: readonly ErrorObject[] | null | undefined): string {
  const error = errors?.find((e) => !['not', 'anyOf', 'oneOf', 'allOf'].includes(e.keyword)) ?? errors?.[0]
  if (!error) return 'does not match'
  return `${error.instancePath || '(message)'} ${error.message ?? 'does not match'}`
}

/**
 * Every message a client sends is JSON-RPC 2.0 as MCP constrains it: a request with a method and a
 * string or integer id, a notification, or an answer; `initialize` and `tools/call` with their
 * required params; no batch once 2025-06-18 is negotiated; in the 2026-07-28 era every request's
 * `_meta` with its protocol version and capabilities.
 */
export const clientMessagesValid: Property = {
  id: ID,
  statement:
    "Every JSON-RPC message the client POSTs is valid against the spec's schema for its version: a 2.0 envelope with a string or integer id, initialize and tools/call with their required params, no batch from 2025-06-18, and from 2026-07-28 each request's _meta with protocolVersion and clientCapabilities.",
  source: spec('2025-03-26', 'Basic › Messages (JSON-RPC 2.0; schema/<version>/schema.json)', { alsoBefore: true }),
  level: 'MUST',
  exercised: (trial) => postedMessages(trial).length > 0,
  check(trial) {
    const negotiated = negotiatedVersion(trial.exchanges)
    return postedMessages(trial).flatMap(({ exchange, body }): Violation[] => {
      const batch = Array.isArray(body)
      const after = negotiated !== undefined && negotiated.exchange.responseTick! < exchange.requestTick
      if (batch && after && negotiated.version >= '2025-06-18')
        return [
          {
            property: ID,
            exchange: exchange.seq,
            message: `POST #${exchange.seq} is a JSON-RPC batch, which ${negotiated.version} does not allow`,
          },
        ]
      const messages = batch ? (body as unknown[]) : [body]
      return messages.flatMap((message): Violation[] => {
        const version = metaVersion(message)
        const validate = validators[version !== undefined && isModernVersion(version) ? 'modern' : 'legacy']
        if (validate(message)) return []
        const method = (message as { method?: unknown } | null)?.method
        return [
          {
            property: ID,
            exchange: exchange.seq,
            message: `POST #${exchange.seq}${typeof method === 'string' ? ` (${method})` : ''} is not a valid MCP message: ${describe(validate.errors)}`,
          },
        ]
      })
    })
  },
}
