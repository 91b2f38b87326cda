// The URIs of the grants and token types the MCP authorization extensions use, with where each is
// defined: shared by the mock authorization servers and the properties that judge the requests.

/** RFC 7523 §2.1: the JWT bearer authorization grant (SEP-990's ID-JAG, SEP-1933's workload token). */
export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer'
/** RFC 7523 §2.2: client authentication with a JWT (`private_key_jwt`). */
export const JWT_CLIENT_ASSERTION = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'
/** RFC 8693 §2.1: token exchange. */
export const TOKEN_EXCHANGE_GRANT = 'urn:ietf:params:oauth:grant-type:token-exchange'
/** RFC 8693 §3: an OpenID Connect ID token as the subject token. */
export const ID_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:id_token'
/** SEP-990 (Identity Assertion Authorization Grant): the ID-JAG token type. */
export const ID_JAG_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:id-jag'
/** The `typ` header of an ID-JAG. */
export const ID_JAG_TYP = 'oauth-id-jag+jwt'
/** OAuth 2.1 §4.2: the client credentials grant. */
export const CLIENT_CREDENTIALS_GRANT = 'client_credentials'
