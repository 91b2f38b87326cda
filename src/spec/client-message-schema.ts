/**
 * What a JSON-RPC message a client sends must look like, as JSON Schema: this harness's own
 * transcription of the definitions in the spec's `schema/<version>/schema.json` that client
 * messages meet (JSONRPCRequest / Notification / responses, RequestId, InitializeRequestParams,
 * Implementation, CallToolRequestParams, and from 2026-07-28 RequestMetaObject). Only the client's
 * side, and only what holds for every client: the judge validates with ajv, not with the SDKs' zod
 * schemas, so it shares no parsing with the clients it judges.
 */

/** RequestId: a string or an integer (JSON-RPC allows null and fractions; MCP does not). */
const requestId = { type: ['string', 'integer'] }

/** Implementation: `name` and `version` are required in every version. */
const implementation = {
  type: 'object',
  required: ['name', 'version'],
  properties: { name: { type: 'string' }, version: { type: 'string' } },
}

/** RequestMetaObject (2026-07-28): every request says its version and capabilities. */
const modernRequestMeta = {
  type: 'object',
  required: ['io.modelcontextprotocol/protocolVersion', 'io.modelcontextprotocol/clientCapabilities'],
  properties: {
    'io.modelcontextprotocol/protocolVersion': { type: 'string' },
    'io.modelcontextprotocol/clientCapabilities': { type: 'object' },
    'io.modelcontextprotocol/clientInfo': implementation,
  },
}

/** "If `condition` then `schema`", written as `not condition or schema` (no object with a `then` key). */
function implies(condition: Record<string, unknown>, schema: Record<string, unknown>) {
  return { anyOf: [{ not: condition }, schema] }
}

/** Method-specific params a client request must carry (by method), for one era. */
function methodRules(modern: boolean) {
  const params = (schema: Record<string, unknown>) => ({
    required: ['params'],
    properties: { params: schema },
  })
  const withMeta = (schema: { required?: string[]; properties?: Record<string, unknown> }) =>
    modern
      ? {
          type: 'object',
          required: ['_meta', ...(schema.required ?? [])],
          properties: { _meta: modernRequestMeta, ...schema.properties },
        }
      : { type: 'object', ...schema }
  return [
    implies(
      { properties: { method: { const: 'initialize' } }, required: ['method', 'id'] },
      params(
        withMeta({
          required: ['protocolVersion', 'capabilities', 'clientInfo'],
          properties: { protocolVersion: { type: 'string' }, capabilities: { type: 'object' }, clientInfo: implementation },
        }),
      ),
    ),
    implies(
      { properties: { method: { const: 'tools/call' } }, required: ['method', 'id'] },
      params(withMeta({ required: ['name'], properties: { name: { type: 'string' }, arguments: { type: 'object' } } })),
    ),
    // 2026-07-28: every request's params carry `_meta` (RequestParams).
    ...(modern ? [implies({ required: ['method', 'id'] }, params(withMeta({})))] : []),
  ]
}

/** One JSON-RPC 2.0 message from a client: a request, a notification, or an answer to a server request. */
function clientMessage(modern: boolean) {
  return {
    type: 'object',
    required: ['jsonrpc'],
    properties: { jsonrpc: { const: '2.0' }, params: { type: 'object' } },
    oneOf: [
      { required: ['method'], properties: { method: { type: 'string' }, id: requestId } },
      { required: ['id', 'result'], not: { required: ['method'] }, properties: { id: requestId, result: { type: 'object' } } },
      {
        required: ['error'],
        not: { required: ['method'] },
        properties: { id: requestId, error: { type: 'object', required: ['code', 'message'] } },
      },
    ],
    allOf: methodRules(modern),
  }
}

/** The schema a client message is validated against: the pre-2026 one, or the 2026-07-28 one. */
export const CLIENT_MESSAGE_SCHEMAS = { legacy: clientMessage(false), modern: clientMessage(true) } as const
