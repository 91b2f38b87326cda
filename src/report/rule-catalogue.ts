// The rule catalogue (properties/rules.ts) as `list --rules` prints it: text, Markdown (docs/rules.md)
// and JSON. Each rule stands as judged, not judgeable from traffic, or not yet judged.
import { RULES } from '../../properties/rules.js'
import type { SpecRule } from '../property/spec-rule.js'

/** How the harness stands to a rule. */
export type RuleStanding = 'judged' | 'not judgeable' | 'NOT YET JUDGED'

export function ruleStanding(rule: SpecRule): RuleStanding {
  if (rule.judgedBy?.length) return 'judged'
  return rule.reason ? 'not judgeable' : 'NOT YET JUDGED'
}

/** `2025-03-26…2025-11-25`, or the one revision. */
function revisionSpan(rule: SpecRule): string {
  const first = rule.revisions[0]!
  const last = rule.revisions.at(-1)!
  return first === last ? first : `${first}…${last}`
}

function standingDetail(rule: SpecRule): string {
  if (rule.judgedBy?.length) return `judged by ${rule.judgedBy.join(', ')}`
  return rule.reason
    ? `not judgeable from traffic: ${rule.reason}`
    : `NOT YET JUDGED: a property would check that ${rule.notYetJudged}`
}

/** One line counting the rules by standing. */
export function ruleSummary(rules: readonly SpecRule[] = RULES): string {
  const count = (standing: RuleStanding) => rules.filter((rule) => ruleStanding(rule) === standing).length
  return `${rules.length} client rules: ${count('judged')} judged, ${count('not judgeable')} not judgeable from traffic, ${count('NOT YET JUDGED')} not yet judged`
}

/**
 * The catalogue as text: a summary line, then each rule with its level, page, section, revisions,
 * its text and how it stands.
 *
 * @example
 * writeOut(ruleLines().join('\n'))
 */
export function ruleLines(): string[] {
  const lines = [
    'Client rules of the MCP spec (transport and authorization pages, 2024-11-05 to 2026-07-28, with the RFC rules they adopt):',
    ruleSummary(),
  ]
  for (const rule of RULES)
    lines.push(
      '',
      `  ${rule.id} [${rule.level}] ${rule.page} › ${rule.section} (${revisionSpan(rule)})`,
      `      ${rule.text}`,
      `      ${standingDetail(rule)}`,
    )
  return lines
}

/** `|` inside a Markdown table cell would end the cell. */
function cell(text: string): string {
  return text.replaceAll('|', '\\|')
}

/** The catalogue as a Markdown table (docs/rules.md's table is this text). */
export function ruleTableMarkdown(): string {
  const rows = RULES.map((rule) => {
    const standing = rule.judgedBy?.length
      ? rule.judgedBy.map((id) => `[\`${id}\`](../properties/${id}/property.ts)`).join(', ')
      : rule.reason
        ? `not judgeable: ${rule.reason}`
        : `**not yet judged**: ${rule.notYetJudged}`
    return `| \`${rule.id}\` | ${rule.level} | ${rule.page} › ${cell(rule.section)} | ${revisionSpan(rule)} | ${cell(rule.text)} | ${cell(standing)} |`
  })
  return [
    `${ruleSummary()}.`,
    '',
    '| rule | level | where | revisions | rule text | judged by |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n')
}

/** The catalogue as data: what `list --rules --json` prints. */
export function rulesDocument() {
  return RULES.map((rule) => ({ ...rule, standing: ruleStanding(rule) }))
}
