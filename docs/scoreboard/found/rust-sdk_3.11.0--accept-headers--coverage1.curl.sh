#!/bin/sh
# rust-sdk@3.11.0 violates accept-headers [MUST]: Every POST to the MCP endpoint lists application/json and text/event-stream in Accept; every GET lists text/event-stream.
#   - request #3 GET http://127.0.0.1:44881/mcp had Accept "*/*", without text/event-stream
# reproduce: npx mcp-auth-harness fuzz --client rust-sdk@3.11.0 --property accept-headers --phases coverage --timeout 15000
# replay:    npx mcp-auth-harness replay docs/scoreboard/found/rust-sdk_3.11.0--accept-headers--coverage1.json
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
