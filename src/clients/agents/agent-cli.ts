import type { ClientConfig, Transport } from '../../core/client-config.js'

/** What a preset gets to prepare one trial: the config to write, and the trial's private places. */
export interface AgentTrial {
  config: ClientConfig
  version: string
  /** The trial's HOME (empty, private, removed afterwards). */
  home: string
  /** The stand-in model API's origin, or undefined for a CLI that has no model. */
  modelApi: string | undefined
}

/** How to start the CLI for one trial: its arguments and environment, config files already written. */
export interface AgentLaunch {
  args: string[]
  env: Record<string, string>
}

/**
 * An agent CLI (or another MCP client shipped as an npm package) as a built-in preset: the npm
 * package installed into the cache, and how one trial writes its native config and starts it.
 *
 * @example
 * const preset: AgentCli = {
 *   name: 'my-agent', packageName: 'my-agent', bin: 'my-agent', pinned: '1.2.3',
 *   what: (v) => `My Agent ${v}`, transports: ['streamable-http'], usesModel: true,
 *   acceptsOAuthClientId: () => false,
 *   prepare: async ({ config, home, modelApi }) => ({ args: ['-p', 'hello'], env: { MY_AGENT_API_URL: modelApi! } }),
 * }
 */
export interface AgentCli {
  name: string
  packageName: string
  /** The executable the package puts in node_modules/.bin. */
  bin: string
  pinned: string
  what(version: string): string
  transports: readonly Transport[]
  /**
   * True for a CLI that talks to a model after its MCP start-up: it is pointed at a model API that
   * refuses at once, and its first model request marks the session as complete (its exit code then
   * only says the model refused). False: the exit code says how the session went.
   */
  usesModel: boolean
  /**
   * Whether this version's config can name a pre-registered OAuth client. Versioned: a key goes in
   * only for versions known to read it, so no property blames a client for what it was not told.
   */
  acceptsOAuthClientId(version: string): boolean
  /** Which headers this version's config can carry (default: any); see ClientUnderTest.configurableHeaders. */
  configurableHeaders?(version: string): 'any' | 'bearer-only'
  /** The oldest release whose config this preset writes (older ones read another shape, or have no URL servers). */
  oldest?: string
  /** True for a CLI that ends when its standard input closes: it gets one that stays open. */
  needsOpenStdin?: boolean
  /** The least time its session takes, where its start-up alone is seconds (see ClientUnderTest.minTimeoutMs). */
  minTimeoutMs?: number
  /** Writes the trial's config where this CLI reads it (under `home`) and says how to start it. */
  prepare(trial: AgentTrial): Promise<AgentLaunch>
}
