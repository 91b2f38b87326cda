#!/bin/sh
# rust-sdk@3.11.0 violates client-authentication-as-configured [MUST]: A client configured with a client secret or a private key authenticates every token request with it as configured: HTTP Basic, or a signed JWT with iss and sub the client id and aud the authorization server.
#   - token request #10: no HTTP Basic client authentication (client_secret_basic) as configured
# reproduce: npx mcp-auth-harness fuzz --client rust-sdk@3.11.0 --property client-authentication-as-configured --phases coverage --timeout 15000
# replay:    npx mcp-auth-harness replay docs/scoreboard/found/rust-sdk_3.11.0--client-authentication-as-configured--coverage97.json
# The requests the client sent, in order (secrets redacted):
curl -sS -X POST 'http://127.0.0.1:34313/v1/mcp?v=2&region=eu' -H 'accept: text/event-stream, application/json' -H 'content-type: application/json' -H 'x-api-key: <redacted:X-API-Key#1>' --data-raw '{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{},"clientInfo":{"name":"rmcp","version":"3.11.0"},"protocolVersion":"2026-07-28"}}'
curl -sS 'http://127.0.0.1:34313/v1/mcp?v=2&region=eu' -H 'accept: */*' -H 'mcp-protocol-version: 2024-11-05'
curl -sS http://127.0.0.1:34313/.well-known/oauth-protected-resource/v1/mcp -H 'accept: */*' -H 'mcp-protocol-version: 2024-11-05'
curl -sS http://127.0.0.1:34313/v1/mcp/.well-known/oauth-protected-resource -H 'accept: */*' -H 'mcp-protocol-version: 2024-11-05'
curl -sS http://127.0.0.1:34313/.well-known/oauth-protected-resource -H 'accept: */*' -H 'mcp-protocol-version: 2024-11-05'
curl -sS http://127.0.0.1:34313/.well-known/oauth-authorization-server/v1/mcp -H 'accept: */*' -H 'mcp-protocol-version: 2024-11-05'
curl -sS http://127.0.0.1:34313/.well-known/openid-configuration/v1/mcp -H 'accept: */*' -H 'mcp-protocol-version: 2024-11-05'
curl -sS http://127.0.0.1:34313/v1/mcp/.well-known/openid-configuration -H 'accept: */*' -H 'mcp-protocol-version: 2024-11-05'
curl -sS http://127.0.0.1:34313/.well-known/oauth-authorization-server -H 'accept: */*' -H 'mcp-protocol-version: 2024-11-05'
curl -sS -X POST http://127.0.0.1:34313/token -H 'accept: application/json' -H 'content-type: application/x-www-form-urlencoded' --data-raw 'grant_type=client_credentials&client_id=machine-client&client_secret=<redacted:client_secret#1>&resource=http%3A%2F%2F127.0.0.1%3A34313%2Fv1%2Fmcp%3Fv%3D2%26region%3Deu'
