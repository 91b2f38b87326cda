#!/bin/sh
# python-sdk@2.3.0 violates scope-step-up [SHOULD]: After a 403 insufficient_scope, the client authorizes again (or requests a token again, with a grant without a user) and asks for every scope the challenge named.
#   - request #7 got 403 insufficient_scope (scope "mcp:admin"), and the client never authorized again
# reproduce: npx mcp-auth-harness fuzz --client python-sdk@2.3.0 --property scope-step-up --phases coverage --timeout 15000
# replay:    npx mcp-auth-harness replay docs/scoreboard/found/python-sdk_2.3.0--scope-step-up--coverage201.json
# The requests the client sent, in order (secrets redacted):
curl -sS http://127.0.0.1:42141/mcp -H 'accept: text/event-stream' -H 'cache-control: no-store' -H 'x-api-key: <redacted:X-API-Key#1>'
curl -sS http://127.0.0.1:42141/.well-known/oauth-protected-resource/mcp -H 'mcp-protocol-version: 2026-07-28'
curl -sS http://127.0.0.1:38195/.well-known/oauth-authorization-server -H 'mcp-protocol-version: 2026-07-28'
curl -sS -X POST http://127.0.0.1:38195/register -H 'content-type: application/json' --data-raw '{"response_types":["code"],"scope":"mcp:read","client_name":"mcp-auth-harness python-sdk client","redirect_uris":["http://127.0.0.1:34263/callback"],"token_endpoint_auth_method":"none","grant_types":["authorization_code","refresh_token"],"application_type":"native"}'
curl -sS 'http://127.0.0.1:38195/authorize?response_type=code&client_id=client-1-hslo17op&redirect_uri=http%3A%2F%2F127.0.0.1%3A34263%2Fcallback&state=nyWJEHqBXwaCGJvSs7_kpvBSWHk0Blxbq8Lbfufun1Q&code_challenge=XzXxaZH3CdSqXpC7dfuQcqVFCf7Nd6hq3uIR8VUUirc&code_challenge_method=S256&resource=http%3A%2F%2F127.0.0.1%3A42141%2Fmcp&scope=mcp%3Aread' -H 'accept: */*' -H 'accept-language: *'
curl -sS -X POST http://127.0.0.1:38195/token -H 'content-type: application/x-www-form-urlencoded' --data-raw 'grant_type=authorization_code&code=<redacted:code#1>&redirect_uri=http%3A%2F%2F127.0.0.1%3A34263%2Fcallback&client_id=client-1-hslo17op&code_verifier=<redacted:code_verifier#1>&resource=http%3A%2F%2F127.0.0.1%3A42141%2Fmcp'
curl -sS http://127.0.0.1:42141/mcp -H 'accept: text/event-stream' -H 'authorization: Bearer <redacted:access_token#1>' -H 'cache-control: no-store' -H 'x-api-key: <redacted:X-API-Key#1>'
