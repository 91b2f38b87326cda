// The faulty reference client(s) of `client-registration`: SDK sessions with one bug each, proof that the property can fail.
import { HeadlessOAuthProvider, CLIENT_METADATA_URL } from '../../src/clients/headless-oauth-provider.js'
import { EditingProvider, faulty, rewriteJson, rewriting } from '../../src/clients/faulty/kit.js'
import { witness, type Witness } from '../../src/property/witness.js'
import { isAsMetadataPath } from '../../src/spec/well-known.js'

/** Forgets the pre-registered client id the user configured, so it registers anew. Violates `client-registration`. */
export const ignoresPreRegistration = faulty(
  'faulty:ignores-pre-registration',
  'SDK client that ignores the configured pre-registered client id and registers dynamically',
  () => ({ authProvider: new HeadlessOAuthProvider({}) }),
)

/** Registers at the AS origin's `/register` when the metadata advertises no registration endpoint. Violates `client-registration`. */
export const guessesRegistration = faulty(
  'faulty:guesses-registration',
  'SDK client that assumes {AS origin}/register when the metadata has no registration_endpoint',
  () => ({
    fetch: rewriting(
      () => undefined,
      (response) => {
        if (!isAsMetadataPath(new URL(response.url).pathname)) return response
        return rewriteJson(response, (body) =>
          body.registration_endpoint || typeof body.issuer !== 'string'
            ? body
            : { ...body, registration_endpoint: `${new URL(body.issuer).origin}/register` },
        )
      },
    ),
  }),
)

/** Publishes its Client ID Metadata Document over plain http. Violates `client-registration` (the https MUST). */
export const httpClientMetadataUrl = faulty(
  'faulty:http-client-metadata-url',
  'SDK client whose Client ID Metadata Document URL is plain http',
  (config) => ({
    authProvider: new EditingProvider(config, (p) => {
      if (p.get('client_id') === CLIENT_METADATA_URL) p.set('client_id', CLIENT_METADATA_URL.replace('https:', 'http:'))
    }),
  }),
)

/** Each violates `client-registration`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [
  witness(ignoresPreRegistration),
  witness(guessesRegistration),
  witness(httpClientMetadataUrl),
]
