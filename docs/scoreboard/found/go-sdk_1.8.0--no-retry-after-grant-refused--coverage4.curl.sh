#!/bin/sh
# go-sdk@1.8.0 violates no-retry-after-grant-refused [SHOULD]: After the authorization server refuses a client credentials or JWT bearer grant (invalid_grant, invalid_scope, unauthorized_client), the client makes no further token request and does not fall back to another grant.
#   - request #8 POST /token came after the authorization server refused the grant with invalid_grant (#4): the client should surface the error, not retry or fall back
# reproduce: npx mcp-auth-harness fuzz --client go-sdk@1.8.0 --property no-retry-after-grant-refused --phases coverage --timeout 15000
# replay:    npx mcp-auth-harness replay docs/scoreboard/found/go-sdk_1.8.0--no-retry-after-grant-refused--coverage4.json
# The requests the client sent, in order (secrets redacted):
curl -sS -X POST http://127.0.0.1:33775/mcp -H 'accept: application/json, text/event-stream' -H 'content-type: application/json' -H 'mcp-method: server/discover' -H 'mcp-protocol-version: 2026-07-28' -H 'x-api-key: <redacted:X-API-Key#1>' --data-raw '{"jsonrpc":"2.0","id":1,"method":"server/discover","params":{"_meta":{"io.modelcontextprotocol/clientCapabilities":{"roots":{"listChanged":true}},"io.modelcontextprotocol/clientInfo":{"name":"mcp-auth-harness go-sdk client","version":"1.0.0"},"io.modelcontextprotocol/protocolVersion":"2026-07-28"}}}'
curl -sS http://127.0.0.1:33775/.well-known/oauth-protected-resource/mcp
curl -sS http://127.0.0.1:43403/.well-known/oauth-authorization-server
curl -sS -X POST http://127.0.0.1:43403/token -H 'authorization: Basic <redacted:Authorization#1>' -H 'content-type: application/x-www-form-urlencoded' --data-raw 'grant_type=client_credentials&scope=mcp%3Aread'
curl -sS -X POST http://127.0.0.1:33775/mcp -H 'accept: application/json, text/event-stream' -H 'content-type: application/json' -H 'x-api-key: <redacted:X-API-Key#1>' --data-raw '{"jsonrpc":"2.0","id":2,"method":"initialize","params":{"clientInfo":{"name":"mcp-auth-harness go-sdk client","version":"1.0.0"},"protocolVersion":"2025-11-25","capabilities":{"roots":{"listChanged":true}}}}'
curl -sS http://127.0.0.1:33775/.well-known/oauth-protected-resource/mcp
curl -sS http://127.0.0.1:43403/.well-known/oauth-authorization-server
curl -sS -X POST http://127.0.0.1:43403/token -H 'authorization: Basic <redacted:Authorization#1>' -H 'content-type: application/x-www-form-urlencoded' --data-raw 'grant_type=client_credentials&scope=mcp%3Aread'
