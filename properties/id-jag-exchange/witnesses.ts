// The faulty reference client(s) of `id-jag-exchange`: v2 SDK sessions with one bug each, proof that the property can fail.
import { editingForms, faultyV2 } from '../../src/clients/faulty/sdk2-kit.js'
import { witness, type Witness } from '../../src/property/witness.js'

/** Asks the IdP for an ID-JAG whose audience is the MCP resource rather than its authorization server's issuer. */
export const idJagAudienceIsResource = faultyV2(
  'faulty:id-jag-audience-is-resource',
  'v2 SDK enterprise-managed client that names the MCP resource as the token exchange audience',
  { grants: ['enterprise-managed'] },
  () =>
    editingForms((_url, form) => {
      const resource = form.get('resource')
      if (form.has('audience') && resource) form.set('audience', resource)
    }),
)

/** Each violates `id-jag-exchange`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [witness(idJagAudienceIsResource)]
