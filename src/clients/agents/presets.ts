import { agentInstallable } from './agent-client.js'
import { CLAUDE_CODE } from './claude-code.js'
import { CODEX } from './codex.js'
import { GEMINI_CLI } from './gemini-cli.js'
import { MCP_REMOTE } from './mcp-remote.js'
import { OPENCODE } from './opencode.js'

/** The agent CLIs (and mcp-remote) built in as presets, installed from npm on first use. */
export const AGENT_PRESETS = [CLAUDE_CODE, GEMINI_CLI, CODEX, OPENCODE, MCP_REMOTE].map(agentInstallable)
