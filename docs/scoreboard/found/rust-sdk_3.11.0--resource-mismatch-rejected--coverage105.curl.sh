#!/bin/sh
# rust-sdk@3.11.0 violates resource-mismatch-rejected [MUST]: When the Protected Resource Metadata names another resource, the client sends no registration, authorization or token request.
#   - request #10 POST http://127.0.0.1:35403/token continued the flow after the metadata (#3) named resource https://elsewhere.example/mcp/sse
# reproduce: npx mcp-auth-harness fuzz --client rust-sdk@3.11.0 --property resource-mismatch-rejected --phases coverage --timeout 15000
# replay:    npx mcp-auth-harness replay docs/scoreboard/found/rust-sdk_3.11.0--resource-mismatch-rejected--coverage105.json
# The requests the client sent, in order (secrets redacted):
curl -sS -X POST 'http://127.0.0.1:35403/mcp/sse?tenant=acme' -H 'accept: text/event-stream, application/json' -H 'content-type: application/json' --data-raw '{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{},"clientInfo":{"name":"rmcp","version":"3.11.0"},"protocolVersion":"2026-07-28"}}'
curl -sS 'http://127.0.0.1:35403/mcp/sse?tenant=acme' -H 'accept: */*' -H 'mcp-protocol-version: 2024-11-05'
curl -sS http://127.0.0.1:35403/.well-known/oauth-protected-resource/mcp/sse -H 'accept: */*' -H 'mcp-protocol-version: 2024-11-05'
curl -sS http://127.0.0.1:35403/mcp/sse/.well-known/oauth-protected-resource -H 'accept: */*' -H 'mcp-protocol-version: 2024-11-05'
curl -sS http://127.0.0.1:35403/.well-known/oauth-protected-resource -H 'accept: */*' -H 'mcp-protocol-version: 2024-11-05'
curl -sS http://127.0.0.1:35403/.well-known/oauth-authorization-server/mcp/sse -H 'accept: */*' -H 'mcp-protocol-version: 2024-11-05'
curl -sS http://127.0.0.1:35403/.well-known/openid-configuration/mcp/sse -H 'accept: */*' -H 'mcp-protocol-version: 2024-11-05'
curl -sS http://127.0.0.1:35403/mcp/sse/.well-known/openid-configuration -H 'accept: */*' -H 'mcp-protocol-version: 2024-11-05'
curl -sS http://127.0.0.1:35403/.well-known/oauth-authorization-server -H 'accept: */*' -H 'mcp-protocol-version: 2024-11-05'
curl -sS -X POST http://127.0.0.1:35403/token -H 'accept: application/json' -H 'content-type: application/x-www-form-urlencoded' --data-raw 'grant_type=client_credentials&client_id=machine-client&client_secret=<redacted:client_secret#1>&resource=http%3A%2F%2F127.0.0.1%3A35403%2Fmcp%2Fsse%3Ftenant%3Dacme'
