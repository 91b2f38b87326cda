#!/bin/sh
# go-sdk@1.8.0 violates client-registration [SHOULD]: A client with a pre-registered client id does not register; dynamic client registration goes only to an advertised registration_endpoint; a URL client_id (Client ID Metadata Document) is https with a path.
#   - request #7 POST http://127.0.0.1:39495/register registered a client to an endpoint no authorization server metadata advertised
#   - request #14 POST http://127.0.0.1:39495/register registered a client to an endpoint no authorization server metadata advertised
# reproduce: npx mcp-auth-harness fuzz --client go-sdk@1.8.0 --property client-registration --phases coverage --timeout 15000
# replay:    npx mcp-auth-harness replay docs/scoreboard/found/go-sdk_1.8.0--client-registration--coverage1.json
# The requests the client sent, in order (secrets redacted):
curl -sS -X POST http://127.0.0.1:39495/mcp -H 'accept: application/json, text/event-stream' -H 'content-type: application/json' -H 'mcp-method: server/discover' -H 'mcp-protocol-version: 2026-07-28' -H 'x-api-key: <redacted:X-API-Key#1>' --data-raw '{"jsonrpc":"2.0","id":1,"method":"server/discover","params":{"_meta":{"io.modelcontextprotocol/clientCapabilities":{"roots":{"listChanged":true}},"io.modelcontextprotocol/clientInfo":{"name":"mcp-auth-harness go-sdk client","version":"1.0.0"},"io.modelcontextprotocol/protocolVersion":"2026-07-28"}}}'
curl -sS http://127.0.0.1:39495/.well-known/oauth-protected-resource/mcp
curl -sS http://127.0.0.1:39495/.well-known/oauth-protected-resource/mcp
curl -sS http://127.0.0.1:39495/.well-known/oauth-protected-resource
curl -sS http://127.0.0.1:39495/.well-known/oauth-authorization-server
curl -sS http://127.0.0.1:39495/.well-known/openid-configuration
curl -sS -X POST http://127.0.0.1:39495/register -H 'accept: application/json' -H 'content-type: application/json' --data-raw '{"redirect_uris":["http://127.0.0.1:45931/callback"],"token_endpoint_auth_method":"none","grant_types":["authorization_code","refresh_token"],"response_types":["code"],"client_name":"mcp-auth-harness go-sdk client","application_type":"native"}'
curl -sS -X POST http://127.0.0.1:39495/mcp -H 'accept: application/json, text/event-stream' -H 'content-type: application/json' -H 'x-api-key: <redacted:X-API-Key#1>' --data-raw '{"jsonrpc":"2.0","id":2,"method":"initialize","params":{"clientInfo":{"name":"mcp-auth-harness go-sdk client","version":"1.0.0"},"protocolVersion":"2025-11-25","capabilities":{"roots":{"listChanged":true}}}}'
curl -sS http://127.0.0.1:39495/.well-known/oauth-protected-resource/mcp
curl -sS http://127.0.0.1:39495/.well-known/oauth-protected-resource/mcp
curl -sS http://127.0.0.1:39495/.well-known/oauth-protected-resource
curl -sS http://127.0.0.1:39495/.well-known/oauth-authorization-server
curl -sS http://127.0.0.1:39495/.well-known/openid-configuration
curl -sS -X POST http://127.0.0.1:39495/register -H 'accept: application/json' -H 'content-type: application/json' --data-raw '{"redirect_uris":["http://127.0.0.1:45931/callback"],"token_endpoint_auth_method":"none","grant_types":["authorization_code","refresh_token"],"response_types":["code"],"client_name":"mcp-auth-harness go-sdk client","application_type":"native"}'
