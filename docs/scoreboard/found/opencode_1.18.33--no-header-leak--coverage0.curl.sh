#!/bin/sh
# opencode@1.18.33 violates no-header-leak [MUST]: Configured header values and access tokens are never sent to any origin but the MCP server's (authorization server, registration, token endpoint, foreign metadata hosts).
#   - request #3 GET http://127.0.0.1:43447/.well-known/oauth-authorization-server sent the value of configured header X-API-Key to another origin
#   - request #4 POST http://127.0.0.1:43447/register sent the value of configured header X-API-Key to another origin
# reproduce: npx mcp-auth-harness fuzz --client opencode@1.18.33 --property no-header-leak --phases coverage --timeout 15000
# replay:    npx mcp-auth-harness replay docs/scoreboard/found/opencode_1.18.33--no-header-leak--coverage0.json
# The requests the client sent, in order (secrets redacted):
curl -sS -X POST http://127.0.0.1:37105/mcp -H 'accept: application/json, text/event-stream' -H 'content-type: application/json' -H 'x-api-key: <redacted:X-API-Key#1>' --data-raw '{"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{"roots":{}},"clientInfo":{"name":"opencode","version":"1.18.33"}},"jsonrpc":"2.0","id":0}'
curl -sS http://127.0.0.1:37105/.well-known/oauth-protected-resource/mcp -H 'accept: */*' -H 'mcp-protocol-version: 2025-11-25' -H 'x-api-key: <redacted:X-API-Key#1>'
curl -sS http://127.0.0.1:43447/.well-known/oauth-authorization-server -H 'accept: application/json' -H 'mcp-protocol-version: 2025-11-25' -H 'x-api-key: <redacted:X-API-Key#1>'
curl -sS -X POST http://127.0.0.1:43447/register -H 'accept: */*' -H 'content-type: application/json' -H 'x-api-key: <redacted:X-API-Key#1>' --data-raw '{"redirect_uris":["http://127.0.0.1:19876/mcp/oauth/callback"],"client_name":"OpenCode","client_uri":"https://opencode.ai","grant_types":["authorization_code","refresh_token"],"response_types":["code"],"token_endpoint_auth_method":"none","scope":"mcp:read"}'
