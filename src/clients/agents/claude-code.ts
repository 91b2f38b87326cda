import { join } from 'node:path'
import semver from 'semver'
import { claudeFormat } from '../../config/formats/claude-format.js'
import { writePrivateFile } from '../../runtime/files.js'
import type { AgentCli } from './agent-cli.js'

/**
 * The first version whose `.mcp.json` schema reads `oauth.clientId` among those tried: 1.0.108 drops
 * the key without a word (the client then registers, and client-registration would blame it for
 * something it was never told), 2.1.332 reads it.
 */
const OAUTH_CLIENT_ID_SINCE = '2.1.332'

/**
 * Claude Code (`@anthropic-ai/claude-code`): `claude -p hello --mcp-config FILE` with the server in
 * its `.mcp.json` format; the Anthropic API is the local refuser, with retries off.
 */
export const CLAUDE_CODE: AgentCli = {
  name: 'claude-code',
  packageName: '@anthropic-ai/claude-code',
  bin: 'claude',
  pinned: '2.1.332',
  // The release of the seed report (it ignores configured headers).
  oldest: '1.0.108',
  what: (version) => `Claude Code ${version} (@anthropic-ai/claude-code, npm)`,
  transports: ['streamable-http', 'sse'],
  usesModel: true,
  acceptsOAuthClientId: (version) => semver.valid(version) !== null && semver.gte(version, OAUTH_CLIENT_ID_SINCE),
  async prepare({ config, version, home, modelApi }) {
    const file = join(home, 'mcp.json')
    const { oauthClientId: _, ...withoutClientId } = config
    const told = CLAUDE_CODE.acceptsOAuthClientId(version) ? config : withoutClientId
    await writePrivateFile(file, claudeFormat.render(told, 'harness'))
    return {
      args: ['-p', 'hello', '--mcp-config', file, '--strict-mcp-config'],
      env: {
        ANTHROPIC_API_KEY: 'sk-ant-mcp-auth-harness',
        ANTHROPIC_BASE_URL: modelApi!,
        CLAUDE_CODE_MAX_RETRIES: '0',
        DISABLE_TELEMETRY: '1',
        DISABLE_AUTOUPDATER: '1',
        DISABLE_ERROR_REPORTING: '1',
        CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
      },
    }
  },
}
