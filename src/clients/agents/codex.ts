import { join } from 'node:path'
import { writePrivateFile } from '../../runtime/files.js'
import { trustedDir } from '../../runtime/trusted-dir.js'
import type { AgentCli } from './agent-cli.js'

/**
 * A TOML basic string. JSON's string escapes are TOML's (JSON.stringify never writes `\/`), so the
 * few values this config holds need no TOML library.
 */
const toml = (text: string): string => JSON.stringify(text)

/**
 * Codex CLI (`@openai/codex`): `codex exec --skip-git-repo-check hello` with `$CODEX_HOME/config.toml`
 * naming the server (`[mcp_servers.<name>]`, `url`, `http_headers`) and a model provider at the
 * local refuser with no retries. Codex speaks Streamable HTTP only.
 */
export const CODEX: AgentCli = {
  name: 'codex',
  packageName: '@openai/codex',
  bin: 'codex',
  pinned: '0.171.0',
  what: (version) => `Codex CLI ${version} (@openai/codex, npm)`,
  transports: ['streamable-http'],
  usesModel: true,
  acceptsOAuthClientId: () => false,
  async prepare({ config, home, modelApi }) {
    const codexHome = join(home, '.codex')
    const headers = Object.entries(config.headers).map(([name, value]) => `${toml(name)} = ${toml(value)}`)
    const lines = [
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
      `http_headers = { ${headers.join(', ')} }`,
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
