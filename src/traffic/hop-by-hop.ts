/**
 * Hop-by-hop headers (RFC 9110 §7.6.1): they describe one connection, so a proxy neither forwards
 * nor records them as what the client sent the server.
 */
export const HOP_BY_HOP: readonly string[] = [
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
]
