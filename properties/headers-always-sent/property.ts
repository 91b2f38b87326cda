import { githubIssues, type Property, type Violation } from '../../src/property/property.js'
import type { Trial } from '../../src/core/trial.js'
import { headerValue } from '../../src/core/exchange.js'
import { mcpEndpointExchanges } from '../../src/traffic/mcp-endpoint.js'
import { isPlaceholder } from '../../src/recording/redactor.js'
import { issuedTokens } from '../../src/traffic/oauth-flow.js'

const ID = 'headers-always-sent'

/**
 * What is wrong with a sent value that is not the configured one, precisely: the header sent
 * twice (fetch merges repeated headers into one value joined by ", "), merged with other values,
 * or replaced. Values are quoted; reports redact each secret component to its own placeholder.
 */
function wrongValue(name: string, expected: string, sent: string): string {
  const parts = sent.split(/,\s*/)
  const copies = parts.filter((part) => part === expected).length
  if (copies === parts.length) return `carried configured header ${name} ${copies} times, merged into one value "${sent}"`
  if (copies > 0) {
    const others = parts.filter((part) => part !== expected).map((part) => `"${part}"`)
    return `carried configured header ${name} merged with ${others.join(', ')}: sent "${sent}" where "${expected}" is configured`
  }
  return `carried configured header ${name} with a value other than the configured one: sent "${sent}" where "${expected}" is configured`
}

/**
 * The MCP endpoint's exchanges on the configured origin. A request to another origin (the hop
 * after a cross-origin 307, an endpoint announced on a moved server) must not carry the headers:
 * that is no-header-leak's rule, and the Fetch standard drops Authorization on such a redirect.
 */
function judgedExchanges(trial: Trial) {
  const origin = new URL(trial.config.url).origin
  return mcpEndpointExchanges(trial.config, trial.exchanges).filter((e) => new URL(e.url).origin === origin)
}

/**
 * Every request to the MCP endpoint (the configured URL; for HTTP+SSE also the announced POST
 * endpoint) on the configured origin carries every configured header exactly once, with its
 * exact value: POSTs, GET streams, DELETEs, re-initialisations and retries alike.
 */
export const headersAlwaysSent: Property = {
  id: ID,
  statement: 'Every request to the MCP endpoint carries every configured header exactly once, with its exact value.',
  source: {
    kind: 'user-expectation',
    evidence: 'claude-code#7290, #1763, vscode#246207, gemini-cli#25473, typescript-sdk#436/#569/#895',
    issues: [
      ...githubIssues('anthropics/claude-code', 7290, 1763),
      ...githubIssues('microsoft/vscode', 246207),
      ...githubIssues('google-gemini/gemini-cli', 25473),
      ...githubIssues('modelcontextprotocol/typescript-sdk', 436, 569, 895),
    ],
  },
  level: 'EXPECTED',
  exercised: (trial) => Object.keys(trial.config.headers).length > 0 && judgedExchanges(trial).length > 0,
  check(trial: Trial): Violation[] {
    const violations: Violation[] = []
    // Once OAuth issued a token, Authorization carries it: what a client does with a configured
    // static Authorization after a 401 the spec leaves open, so only the other headers are judged.
    const tokenTick = Math.min(...issuedTokens(trial).map((t) => t.tick))
    for (const exchange of judgedExchanges(trial)) {
      const request = `request #${exchange.seq} ${exchange.method} ${exchange.url}`
      for (const [name, expected] of Object.entries(trial.config.headers)) {
        if (name.toLowerCase() === 'authorization' && exchange.requestTick > tokenTick) continue
        const sent = headerValue(exchange.requestHeaders, name)
        let problem: string | undefined
        if (sent === undefined) problem = `lacked configured header ${name}`
        // A redacted value (a recording's config) cannot be compared: presence is what is checked.
        else if (isPlaceholder(expected)) problem = undefined
        else if (sent !== expected) problem = wrongValue(name, expected, sent)
        if (problem) violations.push({ property: ID, exchange: exchange.seq, message: `${request} ${problem}` })
      }
    }
    return violations
  },
}
