#!/bin/sh
# rust-sdk@3.11.0 violates client-registration [SHOULD]: A client with a pre-registered client id does not register; dynamic client registration goes only to an advertised registration_endpoint; a URL client_id (Client ID Metadata Document) is https with a path.
#   - request #11 POST http://127.0.0.1:44881/register registered a client to an endpoint no authorization server metadata advertised
# reproduce: npx mcp-auth-harness fuzz --client rust-sdk@3.11.0 --property client-registration --phases coverage --timeout 15000
# replay:    npx mcp-auth-harness replay docs/scoreboard/found/rust-sdk_3.11.0--client-registration--coverage1.json
# The requests the client sent, in order (secrets redacted):
curl -sS -X POST http://127.0.0.1:44881/mcp -H 'accept: text/event-stream, application/json' -H 'content-type: application/json' -H 'x-api-key: <redacted:X-API-Key#1>' --data-raw '{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{},"clientInfo":{"name":"rmcp","version":"3.11.0"},"protocolVersion":"2026-07-28"}}'
curl -sS http://127.0.0.1:44881/.well-known/oauth-protected-resource/mcp -H 'accept: */*' -H 'mcp-protocol-version: 2024-11-05'
curl -sS http://127.0.0.1:44881/mcp -H 'accept: */*' -H 'mcp-protocol-version: 2024-11-05'
curl -sS http://127.0.0.1:44881/.well-known/oauth-protected-resource/mcp -H 'accept: */*' -H 'mcp-protocol-version: 2024-11-05'
curl -sS http://127.0.0.1:44881/mcp/.well-known/oauth-protected-resource -H 'accept: */*' -H 'mcp-protocol-version: 2024-11-05'
curl -sS http://127.0.0.1:44881/.well-known/oauth-protected-resource -H 'accept: */*' -H 'mcp-protocol-version: 2024-11-05'
curl -sS http://127.0.0.1:44881/.well-known/oauth-authorization-server/mcp -H 'accept: */*' -H 'mcp-protocol-version: 2024-11-05'
curl -sS http://127.0.0.1:44881/.well-known/openid-configuration/mcp -H 'accept: */*' -H 'mcp-protocol-version: 2024-11-05'
curl -sS http://127.0.0.1:44881/mcp/.well-known/openid-configuration -H 'accept: */*' -H 'mcp-protocol-version: 2024-11-05'
curl -sS http://127.0.0.1:44881/.well-known/oauth-authorization-server -H 'accept: */*' -H 'mcp-protocol-version: 2024-11-05'
curl -sS -X POST http://127.0.0.1:44881/register -H 'accept: */*' -H 'content-type: application/json' --data-raw '{"client_name":"mcp-auth-harness rust-sdk client","redirect_uris":["http://127.0.0.1:35363/callback"],"grant_types":["authorization_code","refresh_token"],"token_endpoint_auth_method":"none","response_types":["code"],"scope":"mcp:read","application_type":"native"}'
