#!/bin/sh
# go-sdk@1.8.0 violates client-authentication-as-configured [MUST]: A client configured with a client secret or a private key authenticates every token request with it as configured: HTTP Basic, or a signed JWT with iss and sub the client id and aud the authorization server.
#   - token request #7: no HTTP Basic client authentication (client_secret_basic) as configured
#   - token request #14: no HTTP Basic client authentication (client_secret_basic) as configured
# reproduce: npx mcp-auth-harness fuzz --client go-sdk@1.8.0 --property client-authentication-as-configured --phases coverage --timeout 15000
# replay:    npx mcp-auth-harness replay docs/scoreboard/found/go-sdk_1.8.0--client-authentication-as-configured--coverage120.json
# The requests the client sent, in order (secrets redacted):
curl -sS -X POST http://127.0.0.1:34649/tenants/acme/mcp -H 'accept: application/json, text/event-stream' -H 'authorization: Bearer <redacted:Authorization#1>' -H 'content-type: application/json' -H 'mcp-method: server/discover' -H 'mcp-protocol-version: 2026-07-28' --data-raw '{"jsonrpc":"2.0","id":1,"method":"server/discover","params":{"_meta":{"io.modelcontextprotocol/clientCapabilities":{"roots":{"listChanged":true}},"io.modelcontextprotocol/clientInfo":{"name":"mcp-auth-harness go-sdk client","version":"1.0.0"},"io.modelcontextprotocol/protocolVersion":"2026-07-28"}}}'
curl -sS http://127.0.0.1:34649/.well-known/oauth-protected-resource/tenants/acme/mcp
curl -sS http://127.0.0.1:34649/.well-known/oauth-protected-resource
curl -sS http://127.0.0.1:34649/.well-known/oauth-authorization-server
curl -sS http://127.0.0.1:34649/.well-known/openid-configuration
curl -sS -X POST http://127.0.0.1:34649/token -H 'authorization: Basic <redacted:Authorization#2>' -H 'content-type: application/x-www-form-urlencoded' --data-raw grant_type=client_credentials
curl -sS -X POST http://127.0.0.1:34649/token -H 'content-type: application/x-www-form-urlencoded' --data-raw 'client_id=machine-client&client_secret=<redacted:Authorization password#1>&grant_type=client_credentials'
curl -sS -X POST http://127.0.0.1:34649/tenants/acme/mcp -H 'accept: application/json, text/event-stream' -H 'authorization: Bearer <redacted:Authorization#1>' -H 'content-type: application/json' --data-raw '{"jsonrpc":"2.0","id":2,"method":"initialize","params":{"clientInfo":{"name":"mcp-auth-harness go-sdk client","version":"1.0.0"},"protocolVersion":"2025-11-25","capabilities":{"roots":{"listChanged":true}}}}'
curl -sS http://127.0.0.1:34649/.well-known/oauth-protected-resource/tenants/acme/mcp
curl -sS http://127.0.0.1:34649/.well-known/oauth-protected-resource
curl -sS http://127.0.0.1:34649/.well-known/oauth-authorization-server
curl -sS http://127.0.0.1:34649/.well-known/openid-configuration
curl -sS -X POST http://127.0.0.1:34649/token -H 'authorization: Basic <redacted:Authorization#2>' -H 'content-type: application/x-www-form-urlencoded' --data-raw grant_type=client_credentials
curl -sS -X POST http://127.0.0.1:34649/token -H 'content-type: application/x-www-form-urlencoded' --data-raw 'client_id=machine-client&client_secret=<redacted:Authorization password#1>&grant_type=client_credentials'
