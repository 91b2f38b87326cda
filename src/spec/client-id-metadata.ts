/**
 * Whether a `client_id` is a Client ID Metadata Document URL: MCP 2025-11-25 "Authorization ›
 * Client ID Metadata Documents" (draft-ietf-oauth-client-id-metadata-document): an https URL with
 * a path component.
 *
 * @example
 * isMetadataDocumentUrl('https://app.example/oauth/client.json') // true
 * isMetadataDocumentUrl('http://app.example/client.json') // false: not https
 */
export function isMetadataDocumentUrl(clientId: string): boolean {
  if (!URL.canParse(clientId)) return false
  const url = new URL(clientId)
  return url.protocol === 'https:' && url.pathname.length > 1
}
