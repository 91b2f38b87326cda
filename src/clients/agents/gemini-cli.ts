import { join } from 'node:path'
import { writePrivateFile } from '../../runtime/files.js'
import { trustedDir } from '../../runtime/trusted-dir.js'
import type { AgentCli } from './agent-cli.js'

/**
 * Gemini CLI (`@google/gemini-cli`): `gemini -m gemini-2.5-flash -p hello` with the server in
 * `~/.gemini/settings.json` (`mcpServers.<name>.httpUrl` for Streamable HTTP, `url` for SSE,
 * `headers`); the Gemini API is the local refuser, one attempt per request.
 */
export const GEMINI_CLI: AgentCli = {
  name: 'gemini-cli',
  packageName: '@google/gemini-cli',
  bin: 'gemini',
  pinned: '0.61.0',
  oldest: '0.19.4',
  what: (version) => `Gemini CLI ${version} (@google/gemini-cli, npm)`,
  transports: ['streamable-http', 'sse'],
  usesModel: true,
  // Its settings have `oauth.clientId`, but no trial here has shown it read: nothing is said there.
  acceptsOAuthClientId: () => false,
  async prepare({ config, home, modelApi }) {
    const server = config.transport === 'sse' ? { url: config.url } : { httpUrl: config.url }
    const settings = {
      security: { auth: { selectedType: 'gemini-api-key' } },
      general: { maxAttempts: 1 },
      telemetry: { enabled: false },
      privacy: { usageStatisticsEnabled: false },
      mcpServers: { harness: { ...server, headers: config.headers } },
    }
    await trustedDir(join(home, '.gemini'))
    await writePrivateFile(join(home, '.gemini', 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`)
    return {
      args: ['-m', 'gemini-2.5-flash', '-p', 'hello'],
      env: {
        GEMINI_API_KEY: 'mcp-auth-harness',
        GOOGLE_GEMINI_BASE_URL: modelApi!,
        GEMINI_CLI_TRUST_WORKSPACE: 'true',
      },
    }
  },
}
