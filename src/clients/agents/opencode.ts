import { join } from 'node:path'
import { writePrivateFile } from '../../runtime/files.js'
import type { AgentCli } from './agent-cli.js'

/**
 * opencode (`opencode-ai`): `opencode run hello` with `OPENCODE_CONFIG` naming a config whose `mcp`
 * entry is the server (`type: "remote"`, `url`, `headers`) and whose Anthropic provider is the local
 * refuser; the models.dev fetch, plugins, LSP downloads and updates are off (no network but loopback).
 */
export const OPENCODE: AgentCli = {
  name: 'opencode',
  packageName: 'opencode-ai',
  bin: 'opencode',
  pinned: '1.18.33',
  // 1.0.152 makes no MCP request with this config in `opencode run` (not looked into further); 1.0.185 does.
  oldest: '1.0.185',
  what: (version) => `opencode ${version} (opencode-ai, npm)`,
  transports: ['streamable-http', 'sse'],
  usesModel: true,
  // Its start-up alone takes about 6 s here (a Bun binary loading its providers), more than the
  // default 5 s limit: cut there, most trials ended before the MCP start-up (26 of 26 at 4 at once).
  minTimeoutMs: 15_000,
  acceptsOAuthClientId: () => false,
  async prepare({ config, home, modelApi }) {
    const file = join(home, 'opencode.json')
    const settings = {
      $schema: 'https://opencode.ai/config.json',
      model: 'anthropic/claude-sonnet-4-5',
      autoupdate: false,
      share: 'disabled',
      provider: { anthropic: { options: { baseURL: `${modelApi!}/v1`, apiKey: 'sk-ant-mcp-auth-harness' } } },
      mcp: { harness: { type: 'remote', url: config.url, headers: config.headers, enabled: true } },
    }
    await writePrivateFile(file, `${JSON.stringify(settings, null, 2)}\n`)
    return {
      args: ['run', 'hello'],
      env: {
        OPENCODE_CONFIG: file,
        OPENCODE_DISABLE_MODELS_FETCH: '1',
        OPENCODE_DISABLE_AUTOUPDATE: '1',
        OPENCODE_DISABLE_DEFAULT_PLUGINS: '1',
        OPENCODE_DISABLE_LSP_DOWNLOAD: '1',
        OPENCODE_DISABLE_SHARE: '1',
        OPENCODE_DISABLE_CLAUDE_CODE: '1',
      },
    }
  },
}
