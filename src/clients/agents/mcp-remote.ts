import { join } from 'node:path'
import { headerFileFormat } from '../../config/formats/header-file-format.js'
import { writePrivateFile } from '../../runtime/files.js'
import type { AgentCli } from './agent-cli.js'

/**
 * mcp-remote's client mode (`mcp-remote-client URL --header-file FILE --allow-http`): connects,
 * lists tools and exits. No model; its exit code says how the session went. Its header file cannot
 * name a pre-registered OAuth client.
 */
export const MCP_REMOTE: AgentCli = {
  name: 'mcp-remote',
  packageName: 'mcp-remote',
  bin: 'mcp-remote-client',
  pinned: '0.15.1',
  // --header-file came in 0.4.0; 0.1.37 to 0.3.x (given --header arguments) never saw their
  // tools/list answered here and hung; 0.5.0 completes.
  oldest: '0.5.0',
  what: (version) => `mcp-remote ${version} client mode (npm)`,
  transports: ['streamable-http', 'sse'],
  usesModel: false,
  // It shuts down when its standard input ends (it is a stdio proxy at heart), before the tools/list answer.
  needsOpenStdin: true,
  acceptsOAuthClientId: () => false,
  async prepare({ config, home }) {
    const file = join(home, headerFileFormat.fileName)
    await writePrivateFile(file, headerFileFormat.render(config, 'harness'))
    // Its default transport strategy (http-first, falling back to SSE), as its README shows it used.
    return {
      args: [config.url, '--header-file', file, '--allow-http'],
      env: { MCP_REMOTE_CONFIG_DIR: join(home, '.mcp-auth') },
    }
  },
}
