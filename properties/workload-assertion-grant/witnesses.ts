// The faulty reference client(s) of `workload-assertion-grant`: v2 SDK sessions with one bug each, proof that the property can fail.
import { editingForms, faultyV2 } from '../../src/clients/faulty/sdk2-kit.js'
import { CLIENT_CREDENTIALS_GRANT, JWT_CLIENT_ASSERTION } from '../../src/spec/oauth-grants.js'
import { witness, type Witness } from '../../src/property/witness.js'

/**
 * Confuses the two uses of a JWT in RFC 7523: sends its workload token as a client assertion
 * (§2.2) with the client credentials grant, rather than as the JWT bearer grant (§2.1).
 */
export const workloadTokenAsClientAssertion = faultyV2(
  'faulty:workload-token-as-client-assertion',
  'v2 SDK workload client that sends its identity token as client_assertion with grant_type=client_credentials',
  { grants: ['workload-identity'] },
  () =>
    editingForms((url, form) => {
      const assertion = form.get('assertion')
      if (!url.pathname.endsWith('/token') || !assertion) return
      form.delete('assertion')
      form.set('grant_type', CLIENT_CREDENTIALS_GRANT)
      form.set('client_assertion_type', JWT_CLIENT_ASSERTION)
      form.set('client_assertion', assertion)
    }),
)

/** Each violates `workload-assertion-grant`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [witness(workloadTokenAsClientAssertion)]
