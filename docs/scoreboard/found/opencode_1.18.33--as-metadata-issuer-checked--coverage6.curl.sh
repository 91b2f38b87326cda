#!/bin/sh
# opencode@1.18.33 violates as-metadata-issuer-checked [MUST]: Authorization server metadata whose issuer differs from the issuer its well-known URL was built from is not used: no registration, authorization or token request goes to an endpoint it names.
#   - request #4 POST http://127.0.0.1:35579/register used metadata #3, whose issuer https://issuer-mismatch.example is not http://127.0.0.1:35579, the issuer its URL was built from
# reproduce: npx mcp-auth-harness fuzz --client opencode@1.18.33 --property as-metadata-issuer-checked --phases coverage --timeout 15000
# replay:    npx mcp-auth-harness replay docs/scoreboard/found/opencode_1.18.33--as-metadata-issuer-checked--coverage6.json
# The requests the client sent, in order (secrets redacted):
curl -sS -X POST http://127.0.0.1:39453/mcp -H 'accept: application/json, text/event-stream' -H 'content-type: application/json' --data-raw '{"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{"roots":{}},"clientInfo":{"name":"opencode","version":"1.18.33"}},"jsonrpc":"2.0","id":0}'
curl -sS http://127.0.0.1:39453/.well-known/oauth-protected-resource/mcp -H 'accept: */*' -H 'mcp-protocol-version: 2025-11-25'
curl -sS http://127.0.0.1:35579/.well-known/oauth-authorization-server -H 'accept: application/json' -H 'mcp-protocol-version: 2025-11-25'
curl -sS -X POST http://127.0.0.1:35579/register -H 'accept: */*' -H 'content-type: application/json' --data-raw '{"redirect_uris":["http://127.0.0.1:19876/mcp/oauth/callback"],"client_name":"OpenCode","client_uri":"https://opencode.ai","grant_types":["authorization_code","refresh_token"],"response_types":["code"],"token_endpoint_auth_method":"none","scope":"mcp:read"}'
