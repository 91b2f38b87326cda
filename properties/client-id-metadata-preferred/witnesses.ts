// The faulty reference client(s) of `client-id-metadata-preferred`: SDK sessions with one bug each, proof that the property can fail.
import { faulty, rewriteJson, rewriting } from '../../src/clients/faulty/kit.js'
import { witness, type Witness } from '../../src/property/witness.js'
import { isAsMetadataPath } from '../../src/spec/well-known.js'

/**
 * Overlooks `client_id_metadata_document_supported` in the AS metadata (a pre-2026 client), so it
 * registers dynamically where a metadata document would do. Violates `client-id-metadata-preferred`.
 */
export const overlooksMetadataDocuments = faulty(
  'faulty:overlooks-metadata-documents',
  'SDK client that does not read client_id_metadata_document_supported and registers dynamically',
  () => ({
    fetch: rewriting(
      () => undefined,
      (response) => {
        if (!isAsMetadataPath(new URL(response.url).pathname)) return response
        return rewriteJson(response, (body) => {
          const { client_id_metadata_document_supported: _, ...rest } = body
          return rest
        })
      },
    ),
  }),
)

/** Each violates `client-id-metadata-preferred`; the names after it are what its one bug breaks besides (not false blame). */
export const witnesses: readonly Witness[] = [witness(overlooksMetadataDocuments)]
