import { copyFile } from 'node:fs/promises'
import { join } from 'node:path'
import { packageRoot, userCacheDir, writeOwnFile } from '../../runtime/files.js'
import { commandClient } from '../command-client.js'
import { configFormatByName } from '../../config/formats/registry.js'
import type { InstallableClient } from './installable-client.js'
import { installStep } from './provision.js'
import { crateVersions } from './released-versions.js'

/** The adapter's crate: rmcp at exactly the version asked for, with its Streamable HTTP client and OAuth. */
function cargoToml(version: string): string {
  return `[package]
name = "rust-sdk-client"
version = "0.1.0"
edition = "2021"

[[bin]]
name = "client"
path = "main.rs"

[dependencies]
rmcp = { version = "=${version}", features = ["client", "transport-streamable-http-client-reqwest", "auth"] }
reqwest = { version = "0.13", default-features = false }
http = "1"
url = "2"
serde_json = "1"
tokio = { version = "1", features = ["macros", "rt-multi-thread", "net", "io-util", "io-std", "process", "time"] }
`
}

/**
 * The official Rust SDK (the `rmcp` crate from crates.io), built with the adapter shipped in
 * `clients/rust-sdk/main.rs` (Streamable HTTP, the SDK's reactive OAuth flow). Compiled crates are
 * kept in a cargo target folder in the harness's cache, so another version builds in a fraction of
 * the first build's time.
 */
export const RUST_SDK: InstallableClient = {
  name: 'rust-sdk',
  pinned: '3.11.0',
  // The adapter builds against rmcp 3.x (3.0.0 and 3.10.0 tried here); 2.2.0's API differs (four compile errors).
  oldest: '3.0.0',
  versions: () => crateVersions('rmcp'),
  what: (version) => `the official Rust SDK (rmcp ${version}, crates.io)`,
  compiled: ['clients/rust-sdk/main.rs'],
  oauthOptional: true,
  toolchains: [{ command: 'cargo', install: 'Rust 1.85 or newer with cargo (rustup.rs, or Debian: apt-get install cargo)' }],
  async install(version, dir, progress) {
    const target = await userCacheDir('toolchains', 'cargo-target')
    await writeOwnFile(join(dir, 'Cargo.toml'), cargoToml(version))
    await copyFile(join(packageRoot(), 'clients', 'rust-sdk', 'main.rs'), join(dir, 'main.rs'))
    progress(`cargo build --release (rmcp ${version}; the first build takes about 2 minutes on 2 cores) …`)
    await installStep('cargo', ['build', '--release', '--quiet'], `building the rust-sdk adapter with rmcp ${version}`, {
      cwd: dir,
      env: { CARGO_TARGET_DIR: target },
    })
    await copyFile(join(target, 'release', 'client'), join(dir, 'client'))
  },
  programs: (_version, dir) => [join(dir, 'client')],
  client(version, dir) {
    return {
      ...commandClient(`"${join(dir, 'client')}" {url}`, configFormatByName('json'), { sessionLoop: true }),
      transports: ['streamable-http'],
      acceptsOAuthClientId: true,
      // Every release from 3.0.0 has OAuthState::authenticate_client_credentials (a secret, SEP-1046).
      grants: ['client-credentials-basic'],
      description: `${RUST_SDK.what(version)} through its adapter; OAuth with the SDK's reactive flow (Streamable HTTP only)`,
    }
  },
}
