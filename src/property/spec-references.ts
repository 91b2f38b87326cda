import type { PropertySource } from './property.js'

/** One reference as the conformance suite's `checks.json` writes it. */
export interface ChecksReference {
  id: string
  url?: string
}

/**
 * A property's source as the conformance suite's `specReferences`: one per spec version that
 * states it, with the page URL; for a user expectation, each issue it rests on with its URL (or,
 * with none listed, its evidence without one).
 *
 * @example
 * specReferences(spec('2025-11-25', 'Authorization › Scope Selection Strategy'))
 * // [{ id: 'MCP 2025-11-25 Authorization › Scope Selection Strategy', url: 'https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization' }]
 */
export function specReferences(source: PropertySource): ChecksReference[] {
  if (source.kind === 'user-expectation')
    return source.issues?.length
      ? source.issues.map((issue) => ({ id: `user expectation: ${issue.id}`, url: issue.url }))
      : [{ id: `user expectation: ${source.evidence}` }]
  if (source.kind === 'extension') return source.references.map((reference) => ({ ...reference }))
  return source.references.map((reference) => ({ id: `MCP ${reference.version} ${reference.section}`, url: reference.url }))
}
