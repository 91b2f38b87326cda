import type { ProtocolVersion } from '../core/scenario.js'
import type { Trial } from '../core/trial.js'

/** A spec version this harness knows, as an ISO date. */
export type SpecVersion = ProtocolVersion

/** A place in one version of the spec that states the rule. */
export interface SpecReference {
  version: SpecVersion
  section: string
  url: string
}

/** Where a rule comes from: sections of the MCP spec, or what users reasonably expect. */
export type PropertySource =
  | {
      kind: 'spec'
      /** The version that introduced the rule. */
      since: SpecVersion
      section: string
      /** The rule in each version that states it, with the page's URL. */
      references: readonly SpecReference[]
      /**
       * Whether a server that speaks only versions older than `since` is judged too (the rule held
       * in practice, or as a user expectation, before the spec wrote it down). Default false: the
       * judge leaves such servers out, the rule did not exist for them.
       */
      alsoBefore?: boolean
    }
  | {
      kind: 'extension'
      /** The MCP authorization extension's identifier, `io.modelcontextprotocol/oauth-client-credentials`. */
      extension: string
      /** The SEP that proposed it. */
      sep: number
      section: string
      /** The extension's text and the RFC sections the rule rests on. */
      references: readonly IssueLink[]
    }
  | {
      kind: 'user-expectation'
      /** The evidence in a few words (`claude-code#7290, vscode#246207`), for listings. */
      evidence: string
      /** The reports themselves, linked in the HTML report, `checks.json` and upstream issue reports. */
      issues?: readonly IssueLink[]
    }

/** A public issue a user expectation rests on. */
export interface IssueLink {
  /** `anthropics/claude-code#7290` */
  id: string
  url: string
}

/**
 * GitHub issues of one repository as evidence links.
 *
 * @example
 * githubIssues('anthropics/claude-code', 7290) // [{ id: 'anthropics/claude-code#7290', url: 'https://github.com/anthropics/claude-code/issues/7290' }]
 */
export function githubIssues(repository: string, ...numbers: number[]): IssueLink[] {
  return numbers.map((n) => ({ id: `${repository}#${n}`, url: `https://github.com/${repository}/issues/${n}` }))
}

/** MUST and SHOULD as the spec uses them; EXPECTED for user expectations the spec does not state. */
export type PropertyLevel = 'MUST' | 'SHOULD' | 'EXPECTED'

/** One thing wrong in one trial, in one sentence, naming the exchange when there is one. */
export interface Violation {
  property: string
  /** `seq` of the offending exchange. */
  exchange?: number
  message: string
}

/**
 * A checkable rule over a trial's traffic. `exercised` says whether the trial gives the rule
 * anything to judge ("not exercised" is not "held"); `check` is pure and returns the violations.
 * The judge (`judge.ts`) calls `check` only for a trial that is exercised and whose server speaks
 * a version the rule exists in (`source.since`): neither needs checking again inside.
 *
 * @example
 * const noGets: Property = {
 *   id: 'no-gets', statement: 'The client never sends GET.', level: 'EXPECTED',
 *   source: { kind: 'user-expectation', evidence: 'example' },
 *   exercised: () => true,
 *   check: (trial) => trial.exchanges.filter((e) => e.method === 'GET')
 *     .map((e) => ({ property: 'no-gets', exchange: e.seq, message: `request #${e.seq} is a GET` })),
 * }
 */
export interface Property {
  id: string
  statement: string
  source: PropertySource
  level: PropertyLevel
  exercised(trial: Trial): boolean
  check(trial: Trial): Violation[]
}

/** The versions whose pages state the rules (2026-07-28 split its pages: a rule new there names it itself). */
const REFERENCED_VERSIONS: readonly SpecVersion[] = ['2025-03-26', '2025-06-18', '2025-11-25']

/** The spec page a section title lives on (the `basic/` pages hold the transport and authorization rules). */
function pageOf(section: string): string {
  if (section.startsWith('Authorization')) return 'basic/authorization'
  if (section.startsWith('Transports')) return 'basic/transports'
  return 'basic'
}

/**
 * A spec source: the rule introduced in `since`, referenced in `since` and every later version
 * that states it in the same section.
 *
 * @example
 * spec('2025-06-18', 'Authorization › Resource Parameter Implementation')
 * // references 2025-06-18 and 2025-11-25, each with its page URL
 * spec('2026-07-28', 'Authorization › Client Registration › Authorization Server Binding', { page: 'basic/authorization/client-registration' })
 * // 2026-07-28 split the authorization page: `page` names the one the section is on
 * spec('2025-03-26', 'Authorization › Fallbacks for Servers without Metadata Discovery', { onlyIn: true })
 * // a rule the next revision dropped: `onlyIn` references its one revision
 */
export function spec(
  since: SpecVersion,
  section: string,
  options: { alsoBefore?: boolean; page?: string; onlyIn?: true } = {},
): PropertySource {
  const versions =
    options.onlyIn || since > REFERENCED_VERSIONS.at(-1)! ? [since] : REFERENCED_VERSIONS.filter((version) => version >= since)
  return {
    kind: 'spec',
    since,
    section,
    references: versions.map((version) => ({
      version,
      section,
      url: `https://modelcontextprotocol.io/specification/${version}/${options.page ?? pageOf(section)}`,
    })),
    ...(options.alsoBefore ? { alsoBefore: true } : {}),
  }
}

/** "MCP 2025-06-18, 2025-11-25, Authorization › …", "extension … (SEP-1046), …" or "user expectation: …", for listings and reports. */
export function describeSource(source: PropertySource): string {
  if (source.kind === 'spec') return `MCP ${source.references.map((r) => r.version).join(', ')}, ${source.section}`
  if (source.kind === 'extension') return `extension ${source.extension} (SEP-${source.sep}), ${source.section}`
  return `user expectation: ${source.evidence}`
}

/** The MCP authorization extensions (ext-auth), by the name their SEP gave them, with where their text is. */
export const EXTENSIONS = {
  'client-credentials': {
    extension: 'io.modelcontextprotocol/oauth-client-credentials',
    sep: 1046,
    url: 'https://github.com/modelcontextprotocol/ext-auth/blob/main/specification/draft/oauth-client-credentials.mdx',
  },
  'enterprise-managed': {
    extension: 'io.modelcontextprotocol/enterprise-managed-authorization',
    sep: 990,
    url: 'https://github.com/modelcontextprotocol/ext-auth/blob/main/specification/draft/enterprise-managed-authorization.mdx',
  },
  dpop: {
    extension: 'io.modelcontextprotocol/auth/dpop',
    sep: 1932,
    url: 'https://github.com/modelcontextprotocol/modelcontextprotocol/pull/1932',
  },
  'workload-identity': {
    extension: 'io.modelcontextprotocol/auth/wif',
    sep: 1933,
    url: 'https://github.com/modelcontextprotocol/modelcontextprotocol/pull/1933',
  },
} as const

/**
 * An extension source: the rule in one of the MCP authorization extensions, with the RFC sections
 * it rests on (`rfc(9449, '4.3')`).
 *
 * @example
 * extension('dpop', 'Presenting the token', [rfc(9449, '7.1')])
 */
export function extension(name: keyof typeof EXTENSIONS, section: string, rfcs: readonly IssueLink[] = []): PropertySource {
  const { extension: id, sep, url } = EXTENSIONS[name]
  return { kind: 'extension', extension: id, sep, section, references: [{ id: `SEP-${sep} ${section}`, url }, ...rfcs] }
}

/** An RFC section as a reference. */
export function rfc(number: number, section: string): IssueLink {
  return { id: `RFC ${number} §${section}`, url: `https://www.rfc-editor.org/rfc/rfc${number}.html#section-${section}` }
}
