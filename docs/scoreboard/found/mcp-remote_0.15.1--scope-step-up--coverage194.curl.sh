#!/bin/sh
# mcp-remote@0.15.1 violates scope-step-up [SHOULD]: After a 403 insufficient_scope, the client authorizes again (or requests a token again, with a grant without a user) and asks for every scope the challenge named.
#   - request #12 got 403 insufficient_scope (scope "mcp:admin"), and the client never authorized again
# reproduce: npx mcp-auth-harness fuzz --client mcp-remote@0.15.1 --property scope-step-up --phases coverage --timeout 15000
# replay:    npx mcp-auth-harness replay docs/scoreboard/found/mcp-remote_0.15.1--scope-step-up--coverage194.json
# The requests the client sent, in order (secrets redacted):
curl -sS http://127.0.0.1:36519/mcp -H 'accept: application/json, text/event-stream' -H 'accept-language: *'
curl -sS http://127.0.0.1:36519/.well-known/oauth-protected-resource/mcp -H 'accept: application/json' -H 'accept-language: *'
curl -sS http://127.0.0.1:44487/.well-known/oauth-authorization-server -H 'accept: application/json' -H 'accept-language: *'
curl -sS http://127.0.0.1:36519/mcp -H 'accept: application/json, text/event-stream' -H 'accept-language: *'
curl -sS -X POST http://127.0.0.1:36519/mcp -H 'accept: application/json, text/event-stream' -H 'accept-language: *' -H 'content-type: application/json' -H 'mcp-method: initialize' --data-raw '{"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"mcp-remote","version":"0.15.1"}},"jsonrpc":"2.0","id":0}'
curl -sS http://127.0.0.1:36519/mcp -H 'accept: text/event-stream' -H 'accept-language: *' -H 'cache-control: no-cache' -H 'pragma: no-cache'
curl -sS http://127.0.0.1:36519/.well-known/oauth-protected-resource/mcp -H 'accept: */*' -H 'accept-language: *' -H 'mcp-protocol-version: 2025-11-25'
curl -sS http://127.0.0.1:44487/.well-known/oauth-authorization-server -H 'accept: application/json' -H 'accept-language: *' -H 'mcp-protocol-version: 2025-11-25'
curl -sS -X POST http://127.0.0.1:44487/register -H 'accept: */*' -H 'accept-language: *' -H 'content-type: application/json' --data-raw '{"redirect_uris":["http://localhost:5397/oauth/callback"],"token_endpoint_auth_method":"none","grant_types":["authorization_code","refresh_token"],"response_types":["code"],"client_name":"MCP CLI Client","client_uri":"https://github.com/modelcontextprotocol/mcp-cli","software_id":"2e6dc280-f3c3-4e01-99a7-8181dbd1d23d","software_version":"0.15.1","scope":"mcp:read","application_type":"native"}'
curl -sS 'http://127.0.0.1:44487/authorize?response_type=code&client_id=client-1-8e0kt7b9&code_challenge=RFpxl7ibeh5uf5HfVnt676kADs-C_PIUY1GH4Q72IHY&code_challenge_method=S256&redirect_uri=http%3A%2F%2Flocalhost%3A5397%2Foauth%2Fcallback&state=f7dc3937-a9d7-45a4-a908-e8b9e934efed&scope=mcp%3Aread&resource=http%3A%2F%2F127.0.0.1%3A36519%2Fmcp' -H 'accept: */*' -H 'accept-language: *'
curl -sS -X POST http://127.0.0.1:44487/token -H 'accept: application/json' -H 'accept-language: *' -H 'content-type: application/x-www-form-urlencoded' --data-raw 'grant_type=authorization_code&code=<redacted:code#1>&code_verifier=<redacted:code_verifier#1>&redirect_uri=http%3A%2F%2Flocalhost%3A5397%2Foauth%2Fcallback&resource=http%3A%2F%2F127.0.0.1%3A36519%2Fmcp&client_id=client-1-8e0kt7b9'
curl -sS http://127.0.0.1:36519/mcp -H 'accept: text/event-stream' -H 'accept-language: *' -H 'authorization: Bearer <redacted:access_token#1>' -H 'cache-control: no-cache' -H 'pragma: no-cache'
