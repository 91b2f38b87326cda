import type { ClientCapabilities } from '../clients/client-under-test.js'
import { AUTH_DIMENSIONS } from './auth-dimensions.js'
import { BEARER_ONLY_HEADERS, CONFIG_DIMENSIONS } from './config-dimensions.js'
import type { Dimension } from './dimension.js'
import { SERVER_DIMENSIONS } from './server-dimensions.js'

/**
 * Every categorical dimension of a trial input, parents before the dimensions that depend on them
 * (transport before the Streamable-only ones, `auth` before the static and OAuth ones).
 */
export const DIMENSIONS: readonly Dimension[] = [...CONFIG_DIMENSIONS, ...AUTH_DIMENSIONS, ...SERVER_DIMENSIONS]

/**
 * The dimensions as one client can meet them: only the transports it speaks, and no pre-registered
 * client id for a client that cannot be told one.
 *
 * @example
 * dimensionsFor(sdkSse).find((d) => d.name === 'transport')!.values // ['sse']
 */
export function dimensionsFor(client: ClientCapabilities): Dimension[] {
  return DIMENSIONS.map((dimension) => {
    if (dimension.name === 'transport') return { ...dimension, values: [...client.transports], base: client.transports[0]! }
    if (dimension.name === 'oauthClientId' && client.acceptsOAuthClientId === false) return { ...dimension, values: [false] }
    if (dimension.name === 'headers' && client.configurableHeaders === 'bearer-only') return BEARER_ONLY_HEADERS
    // Grants and DPoP only where the client's config can name them.
    if (dimension.name === 'grant') return { ...dimension, values: ['authorization-code', ...(client.grants ?? [])] }
    if (dimension.name === 'oauth.dpop' && client.dpop !== true) return { ...dimension, values: ['off'] }
    if (dimension.name === 'keepOpen' && client.keepsOpen !== true) return { ...dimension, values: ['none'] }
    if (dimension.modernEraOnly && client.legacyOnly === true) return { ...dimension, values: [dimension.base] }
    return dimension
  })
}
