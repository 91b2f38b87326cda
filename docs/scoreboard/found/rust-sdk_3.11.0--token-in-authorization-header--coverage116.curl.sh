#!/bin/sh
# rust-sdk@3.11.0 violates token-in-authorization-header [MUST]: After a token was issued, every MCP request carries Authorization: Bearer <token>; no URL carries a token or access_token=.
#   - request #6 POST http://127.0.0.1:38147/mcp carried the issued token merged with another Authorization value: sent "Bearer <redacted:access_token#1>, Bearer <redacted:AUTHORIZATION#1>"
# reproduce: npx mcp-auth-harness fuzz --client rust-sdk@3.11.0 --property token-in-authorization-header --phases coverage --timeout 15000
# replay:    npx mcp-auth-harness replay docs/scoreboard/found/rust-sdk_3.11.0--token-in-authorization-header--coverage116.json
# The requests the client sent, in order (secrets redacted):
curl -sS -X POST http://127.0.0.1:38147/mcp -H 'accept: text/event-stream, application/json' -H 'authorization: Bearer <redacted:AUTHORIZATION#1>' -H 'content-type: application/json' --data-raw '{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{},"clientInfo":{"name":"rmcp","version":"3.11.0"},"protocolVersion":"2026-07-28"}}'
curl -sS http://127.0.0.1:38147/mcp -H 'accept: */*' -H 'mcp-protocol-version: 2024-11-05'
curl -sS http://127.0.0.1:38147/.well-known/oauth-protected-resource/mcp -H 'accept: */*' -H 'mcp-protocol-version: 2024-11-05'
curl -sS http://127.0.0.1:43517/.well-known/oauth-authorization-server -H 'accept: */*' -H 'mcp-protocol-version: 2024-11-05'
curl -sS -X POST http://127.0.0.1:43517/token -H 'accept: application/json' -H 'authorization: Basic <redacted:Authorization#1>' -H 'content-type: application/x-www-form-urlencoded' --data-raw 'grant_type=client_credentials&resource=http%3A%2F%2F127.0.0.1%3A38147%2Fmcp'
curl -sS -X POST http://127.0.0.1:38147/mcp -H 'accept: text/event-stream, application/json' -H 'authorization: Bearer <redacted:access_token#1>, Bearer <redacted:AUTHORIZATION#1>' -H 'content-type: application/json' --data-raw '{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{},"clientInfo":{"name":"rmcp","version":"3.11.0"},"protocolVersion":"2026-07-28"}}'
