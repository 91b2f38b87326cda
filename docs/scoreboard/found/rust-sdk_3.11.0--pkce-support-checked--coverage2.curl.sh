#!/bin/sh
# rust-sdk@3.11.0 violates pkce-support-checked [MUST]: When the authorization server metadata lacks code_challenge_methods_supported, the client refuses to proceed: no authorization request to that server.
#   - authorization request #5 went to http://127.0.0.1:44129/authorize, whose metadata (#3) lacks code_challenge_methods_supported
# reproduce: npx mcp-auth-harness fuzz --client rust-sdk@3.11.0 --property pkce-support-checked --phases coverage --timeout 15000
# replay:    npx mcp-auth-harness replay docs/scoreboard/found/rust-sdk_3.11.0--pkce-support-checked--coverage2.json
# The requests the client sent, in order (secrets redacted):
curl -sS -X POST http://127.0.0.1:38855/mcp -H 'accept: text/event-stream, application/json' -H 'content-type: application/json' -H 'x-api-key: <redacted:X-API-Key#1>' --data-raw '{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{},"clientInfo":{"name":"rmcp","version":"3.11.0"},"protocolVersion":"2026-07-28"}}'
curl -sS http://127.0.0.1:38855/.well-known/oauth-protected-resource/mcp -H 'accept: */*' -H 'mcp-protocol-version: 2024-11-05'
curl -sS http://127.0.0.1:44129/.well-known/oauth-authorization-server -H 'accept: */*' -H 'mcp-protocol-version: 2024-11-05'
curl -sS -X POST http://127.0.0.1:44129/register -H 'accept: */*' -H 'content-type: application/json' --data-raw '{"client_name":"mcp-auth-harness rust-sdk client","redirect_uris":["http://127.0.0.1:35701/callback"],"grant_types":["authorization_code","refresh_token"],"token_endpoint_auth_method":"none","response_types":["code"],"scope":"mcp:read mcp:write","application_type":"native"}'
curl -sS 'http://127.0.0.1:44129/authorize?response_type=code&client_id=client-1-v6tj9aw0&state=-N-VAG6ijtbgpBQyMoK76w&code_challenge=2RhBC5-RxkhaSLeZwrqCO4rXqPuEy-UD_wWmkKv3OBU&code_challenge_method=S256&redirect_uri=http%3A%2F%2F127.0.0.1%3A35701%2Fcallback&scope=mcp%3Aread+mcp%3Awrite&resource=http%3A%2F%2F127.0.0.1%3A38855%2Fmcp' -H 'accept: */*' -H 'accept-language: *'
