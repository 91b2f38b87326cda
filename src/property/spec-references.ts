import type { PropertySource } from './property.js'

export interface SpecReference {
  id: string
  url?: string
}

/** The spec page a section title lives on (the `basic/` pages hold the transport and authorization rules). */
function pageOf(section: string): string {
  if (section.startsWith('Authorization')) return 'basic/authorization'
  if (section.startsWith('Transports')) return 'basic/transports'
  return 'basic'
}

/**
 * A property's source as the conformance suite's `specReferences`: one per spec version, with the
 * URL of the page that holds the section; a user expectation is a reference without a URL.
 *
 * @example
 * specReferences({ kind: 'spec', version: '2025-11-25', section: 'Authorization › Scope Selection Strategy' })
 * // [{ id: 'MCP 2025-11-25 Authorization › Scope Selection Strategy', url: 'https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization' }]
 */
export function specReferences(source: PropertySource): SpecReference[] {
  if (source.kind === 'user-expectation') return [{ id: `user expectation: ${source.evidence}` }]
  return source.version
    .split(/,\s*/)
    .filter((version) => /^\d{4}-\d{2}-\d{2}$/.test(version))
    .map((version) => ({
      id: `MCP ${version} ${source.section}`,
      url: `https://modelcontextprotocol.io/specification/${version}/${pageOf(source.section)}`,
    }))
}
