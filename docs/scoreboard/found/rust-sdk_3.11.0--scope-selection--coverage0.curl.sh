#!/bin/sh
# rust-sdk@3.11.0 violates scope-selection [SHOULD]: The first authorization request's scope is the 401's scope, else all PRM scopes_supported, else omitted.
#   - authorization request #5 asked for scope "mcp:read mcp:write", expected "mcp:read" (the 401's scope)
# reproduce: npx mcp-auth-harness fuzz --client rust-sdk@3.11.0 --property scope-selection --phases coverage --timeout 15000
# replay:    npx mcp-auth-harness replay docs/scoreboard/found/rust-sdk_3.11.0--scope-selection--coverage0.json
# The requests the client sent, in order (secrets redacted):
curl -sS -X POST http://127.0.0.1:45361/mcp -H 'accept: text/event-stream, application/json' -H 'content-type: application/json' -H 'x-api-key: <redacted:X-API-Key#1>' --data-raw '{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{},"clientInfo":{"name":"rmcp","version":"3.11.0"},"protocolVersion":"2026-07-28"}}'
curl -sS http://127.0.0.1:45361/.well-known/oauth-protected-resource/mcp -H 'accept: */*' -H 'mcp-protocol-version: 2024-11-05'
curl -sS http://127.0.0.1:39925/.well-known/oauth-authorization-server -H 'accept: */*' -H 'mcp-protocol-version: 2024-11-05'
curl -sS -X POST http://127.0.0.1:39925/register -H 'accept: */*' -H 'content-type: application/json' --data-raw '{"client_name":"mcp-auth-harness rust-sdk client","redirect_uris":["http://127.0.0.1:42217/callback"],"grant_types":["authorization_code","refresh_token"],"token_endpoint_auth_method":"none","response_types":["code"],"scope":"mcp:read mcp:write","application_type":"native"}'
curl -sS 'http://127.0.0.1:39925/authorize?response_type=code&client_id=client-1-rpwc52pz&state=HWzQEKb0fx3otdpO8rVUig&code_challenge=1rt55imyyyNogdByD6IePrKH8c0a0U68uLiIFHZ8RP4&code_challenge_method=S256&redirect_uri=http%3A%2F%2F127.0.0.1%3A42217%2Fcallback&scope=mcp%3Aread+mcp%3Awrite&resource=http%3A%2F%2F127.0.0.1%3A45361%2Fmcp' -H 'accept: */*' -H 'accept-language: *'
