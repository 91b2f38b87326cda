import type { PropertySource } from './property.js'

/** One reference as the conformance suite's `checks.json` writes it. */
export interface ChecksReference {
  id: string
  url?: string
}

/**
 * A property's source as the conformance suite's `specReferences`: one per spec version that
 * states it, with the page URL; a user expectation is a reference without a URL.
 *
 * @example
 * specReferences(spec('2025-11-25', 'Authorization › Scope Selection Strategy'))
 * // [{ id: 'MCP 2025-11-25 Authorization › Scope Selection Strategy', url: 'https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization' }]
 */
export function specReferences(source: PropertySource): ChecksReference[] {
  if (source.kind === 'user-expectation') return [{ id: `user expectation: ${source.evidence}` }]
  return source.references.map((reference) => ({ id: `MCP ${reference.version} ${reference.section}`, url: reference.url }))
}
