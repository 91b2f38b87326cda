import type { ClientUnderTest } from '../client-under-test.js'

/** A toolchain an installable client needs on the PATH, and what to tell a user who has none. */
export interface Toolchain {
  command: string
  install: string
}

/** How an installer reports a step: one line on stderr, indented under the client's heading. */
export type Progress = (line: string) => void

/**
 * A built-in client that runs on another toolchain or from a package not bundled with the harness
 * (an SDK in another language, an agent CLI). It is installed on first use into the per-user cache
 * (`clients/NAME-VERSION/`), at a pinned version unless `NAME@VERSION` names another.
 *
 * @example
 * const goSdk: InstallableClient = {
 *   name: 'go-sdk', pinned: '1.8.0', what: (v) => `the official Go SDK ${v}`,
 *   toolchains: [{ command: 'go', install: 'Go 1.25 or newer (Debian: apt-get install golang)' }],
 *   install: async (version, dir, progress) => { … go build into dir … },
 *   client: (version, dir) => commandClient(`${dir}/client {url}`, jsonFormat),
 *   programs: (version, dir) => [`${dir}/client`],
 * }
 */
export interface InstallableClient {
  name: string
  /** The version installed when none is named. */
  pinned: string
  /** The oldest release its adapter or config writer supports; `bisect` and `matrix` start there at the earliest. */
  oldest?: string
  /** Every released version (no pre-releases), oldest first, from the client's registry: what `bisect` and `matrix` walk. */
  versions?(): Promise<string[]>
  /** What it is, for `list` and progress lines. */
  what(version: string): string
  /**
   * Shipped adapter files compiled into the installation (relative to the package root): when they
   * change (a newer harness), the cached build is stale and is made again.
   */
  compiled?: readonly string[]
  /** True when its adapter also runs without the SDK's OAuth support (`NAME-no-oauth`, MCP_OAUTH=none). */
  oauthOptional?: boolean
  /** Checked before installing: a missing one is an input error (exit 2) naming what to install. */
  toolchains: readonly Toolchain[]
  /**
   * When `version` was released (ISO 8601), for a faithful install: every dependency resolved as
   * of that date (npm `--before`, pip `--uploaded-prior-to`), not as of today. Absent where the
   * ecosystem is faithful by construction (Go's minimal version selection).
   */
  releaseDate?(version: string): Promise<string>
  /**
   * Installs `version` into `dir`, a fresh private folder renamed into the cache when this resolves;
   * `releasedAt` is what `releaseDate` said.
   */
  install(version: string, dir: string, progress: Progress, releasedAt?: string): Promise<void>
  /**
   * The versions the install resolved for the dependencies that decide its behaviour (the MCP SDK
   * inside an agent CLI, say): recorded in the cache marker and shown in reports.
   */
  resolvedDependencies?(dir: string): Promise<Record<string, string>>
  /**
   * Run in the final folder after the staging folder was renamed there: for installs whose scripts
   * wrote the staging folder's absolute path (a postinstall's symlink), so they are made again.
   */
  relink?(dir: string, progress: Progress): Promise<void>
  /** The client that runs the installation in `dir`. */
  client(version: string, dir: string): ClientUnderTest
  /**
   * The files of the installation in `dir` that its client starts (its binary, its interpreter, its
   * adapter): each is checked for owner and mode before every start, so no one else can have
   * rewritten what runs.
   */
  programs(version: string, dir: string): string[]
}
