import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { generateCACertificate } from 'mockttp'
import { readTextIfPresent, userCacheDir, writePrivateFile, writeTextAtomically } from '../runtime/files.js'
import { checkTrustedFile, trustedDir } from '../runtime/trusted-dir.js'

/** The certificate authority the forward proxy signs intercepted TLS connections with. */
export interface LocalCa {
  /** PEM certificate: what clients must trust (NODE_EXTRA_CA_CERTS, SSL_CERT_FILE, …). */
  certPath: string
  cert: string
  key: string
}

/**
 * This user's local CA, made on first use and kept in the cache folder (`ca/`; the key 0600, the
 * folder 0700), or in `dir`. Only this machine's clients should ever trust it: it can sign any host.
 *
 * @example
 * const ca = await localCa()
 * console.log(`trust ${ca.certPath}`)
 */
export async function localCa(dir?: string): Promise<LocalCa> {
  const folder = dir ? await trustedDir(dir) : await userCacheDir('ca')
  const certPath = join(folder, 'mcp-auth-harness-ca.pem')
  const keyPath = join(folder, 'mcp-auth-harness-ca.key')
  // The key signs for any host: one that is a symlink, not ours, or readable by others is refused, not used.
  await checkTrustedFile(keyPath, { secret: true })
  await checkTrustedFile(certPath)
  const [cert, key] = await Promise.all([readTextIfPresent(certPath), readTextIfPresent(keyPath)])
  if (cert && key) return { certPath, cert, key }
  const made = await generateCACertificate({
    subject: { commonName: 'mcp-auth-harness local CA (recording proxy)', organizationName: 'mcp-auth-harness' },
  })
  // A half-made pair is replaced whole; the new key is created 0600, exclusively.
  await rm(keyPath, { force: true })
  await writePrivateFile(keyPath, made.key)
  await writeTextAtomically(certPath, made.cert)
  return { certPath, cert: made.cert, key: made.key }
}
