// The faulty reference client(s) of `redirect-uri-registered`: SDK sessions with one bug each, proof that the property can fail.
import { EditingProvider, faulty } from '../../src/clients/faulty/kit.js'
import { witness, type Witness } from '../../src/property/witness.js'

/**
 * Registers its callback, then opens the authorization URL with another one (a callback server
 * restarted on a new port between registration and authorization). Violates `redirect-uri-registered`.
 */
export const unregisteredRedirect = faulty(
  'faulty:unregistered-redirect-uri',
  'SDK client whose authorization request names a redirect_uri it never registered',
  (config) => ({
    authProvider: new EditingProvider(config, (params) => {
      const uri = new URL(params.get('redirect_uri') ?? 'http://127.0.0.1/callback')
      uri.pathname = '/another-callback'
      params.set('redirect_uri', uri.href)
    }),
  }),
)

/** Each violates `redirect-uri-registered`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [witness(unregisteredRedirect)]
