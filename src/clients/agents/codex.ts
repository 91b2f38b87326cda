import { join } from 'node:path'
import semver from 'semver'
import { writePrivateFile } from '../../runtime/files.js'
import { trustedDir } from '../../runtime/trusted-dir.js'
import type { AgentCli } from './agent-cli.js'

/**
 * A TOML basic string. JSON's string escapes are TOML's (JSON.stringify never writes `\/`), so the
 * few values this config holds need no TOML library.
 */
const toml = (text: string): string => JSON.stringify(text)

/**
 * The config shapes of a URL server over Codex's releases, read from its changelog and pull
 * requests and checked against each release here:
 * - 0.44: URL servers need `experimental_use_rmcp_client = true`; only `bearer_token` (openai/codex#4317);
 * - 0.45: URL servers without the flag; still only `bearer_token`;
 * - 0.47: `http_headers`, any header (openai/codex#5241). 0.42 and earlier have no URL servers.
 */
function codexConfig(version: string) {
  const before = (release: string) => semver.valid(version) !== null && semver.lt(version, release)
  return { flag: before('0.45.0'), anyHeader: !before('0.47.0') }
}

/** The `[mcp_servers.harness]` lines that carry the configured headers, as this release reads them. */
function headerLines(headers: Readonly<Record<string, string>>, anyHeader: boolean): string[] {
  if (anyHeader)
    return [
      `http_headers = { ${Object.entries(headers)
        .map(([name, value]) => `${toml(name)} = ${toml(value)}`)
        .join(', ')} }`,
    ]
  // Only a bearer token (codex adds the scheme itself): the harness gives these releases nothing else.
  const authorization = Object.entries(headers).find(([name]) => name.toLowerCase() === 'authorization')?.[1]
  return authorization ? [`bearer_token = ${toml(authorization.replace(/^bearer\s+/i, ''))}`] : []
}

/**
 * Codex CLI (`@openai/codex`): `codex exec --skip-git-repo-check hello` with `$CODEX_HOME/config.toml`
 * naming the server (`[mcp_servers.<name>]`, `url`, and its headers as the release reads them) and
 * a model provider at the local refuser with no retries. Codex speaks Streamable HTTP only.
 */
export const CODEX: AgentCli = {
  name: 'codex',
  packageName: '@openai/codex',
  bin: 'codex',
  pinned: '0.171.0',
  oldest: '0.44.0',
  what: (version) => `Codex CLI ${version} (@openai/codex, npm)`,
  transports: ['streamable-http'],
  usesModel: true,
  acceptsOAuthClientId: () => false,
  configurableHeaders: (version) => (codexConfig(version).anyHeader ? 'any' : 'bearer-only'),
  async prepare({ config, home, modelApi, version }) {
    const codexHome = join(home, '.codex')
    const { flag, anyHeader } = codexConfig(version)
    const lines = [
      // A top-level key: before the first table.
      ...(flag ? ['experimental_use_rmcp_client = true'] : []),
      'model = "gpt-5"',
      'model_provider = "harness_refuser"',
      '',
      '[model_providers.harness_refuser]',
      'name = "mcp-auth-harness refuser"',
      `base_url = ${toml(`${modelApi!}/v1`)}`,
      'env_key = "OPENAI_API_KEY"',
      'wire_api = "responses"',
      'request_max_retries = 0',
      'stream_max_retries = 0',
      '',
      '[mcp_servers.harness]',
      `url = ${toml(config.url)}`,
      ...headerLines(config.headers, anyHeader),
      '',
    ]
    await trustedDir(codexHome)
    await writePrivateFile(join(codexHome, 'config.toml'), lines.join('\n'))
    return {
      args: ['exec', '--skip-git-repo-check', 'hello'],
      env: { CODEX_HOME: codexHome, OPENAI_API_KEY: 'sk-mcp-auth-harness' },
    }
  },
}
