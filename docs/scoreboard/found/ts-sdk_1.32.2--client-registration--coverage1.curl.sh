#!/bin/sh
# ts-sdk@1.32.2 violates client-registration [SHOULD]: A client with a pre-registered client id does not register; dynamic client registration goes only to an advertised registration_endpoint; a URL client_id (Client ID Metadata Document) is https with a path.
#   - request #5 POST http://127.0.0.1:41695/register registered a client to an endpoint no authorization server metadata advertised
# reproduce: npx mcp-auth-harness fuzz --client ts-sdk@1.32.2 --property client-registration --phases coverage --timeout 15000
# replay:    npx mcp-auth-harness replay docs/scoreboard/found/ts-sdk_1.32.2--client-registration--coverage1.json
# The requests the client sent, in order (secrets redacted):
curl -sS -X POST http://127.0.0.1:41695/mcp -H 'accept: application/json, text/event-stream' -H 'accept-language: *' -H 'content-type: application/json' -H 'x-api-key: <redacted:X-API-Key#1>' --data-raw '{"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"mcp-auth-harness","version":"0.1.0"}},"jsonrpc":"2.0","id":0}'
curl -sS http://127.0.0.1:41695/.well-known/oauth-protected-resource/mcp -H 'accept: */*' -H 'accept-language: *' -H 'mcp-protocol-version: 2025-11-25' -H 'x-api-key: <redacted:X-API-Key#1>'
curl -sS http://127.0.0.1:41695/.well-known/oauth-authorization-server -H 'accept: application/json' -H 'accept-language: *' -H 'mcp-protocol-version: 2025-11-25' -H 'x-api-key: <redacted:X-API-Key#1>'
curl -sS http://127.0.0.1:41695/.well-known/openid-configuration -H 'accept: application/json' -H 'accept-language: *' -H 'mcp-protocol-version: 2025-11-25' -H 'x-api-key: <redacted:X-API-Key#1>'
curl -sS -X POST http://127.0.0.1:41695/register -H 'accept: */*' -H 'accept-language: *' -H 'content-type: application/json' -H 'x-api-key: <redacted:X-API-Key#1>' --data-raw '{"client_name":"mcp-auth-harness ts-sdk client","redirect_uris":["http://127.0.0.1:35419/callback"],"grant_types":["authorization_code","refresh_token"],"response_types":["code"],"token_endpoint_auth_method":"none","scope":"mcp:read"}'
