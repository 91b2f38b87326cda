#!/bin/sh
# mcp-remote@0.15.1 violates no-discovery-without-challenge [MUST]: No OAuth discovery, registration, authorization or token request, on any origin, before the MCP server has answered 401 (or 403 insufficient_scope).
#   - request #2 GET http://127.0.0.1:33279/.well-known/oauth-protected-resource/mcp is OAuth discovery, but the MCP server never answered 401
#   - request #3 GET http://127.0.0.1:33279/.well-known/oauth-protected-resource is OAuth discovery, but the MCP server never answered 401
#   - request #4 GET http://127.0.0.1:33279/.well-known/oauth-authorization-server/mcp is OAuth discovery, but the MCP server never answered 401
#   - request #5 GET http://127.0.0.1:33279/.well-known/oauth-authorization-server is OAuth discovery, but the MCP server never answered 401
#   - request #6 GET http://127.0.0.1:33279/.well-known/openid-configuration/mcp is OAuth discovery, but the MCP server never answered 401
#   - request #7 GET http://127.0.0.1:33279/mcp/.well-known/openid-configuration is OAuth discovery, but the MCP server never answered 401
# reproduce: npx mcp-auth-harness fuzz --client mcp-remote@0.15.1 --property no-discovery-without-challenge --phases coverage --timeout 15000
# replay:    npx mcp-auth-harness replay docs/scoreboard/found/mcp-remote_0.15.1--no-discovery-without-challenge--coverage4.json
# The requests the client sent, in order (secrets redacted):
curl -sS http://127.0.0.1:33279/mcp -H 'accept: application/json, text/event-stream' -H 'accept-language: *' -H 'x-api-key: <redacted:X-API-Key#1>'
curl -sS http://127.0.0.1:33279/.well-known/oauth-protected-resource/mcp -H 'accept: application/json' -H 'accept-language: *'
curl -sS http://127.0.0.1:33279/.well-known/oauth-protected-resource -H 'accept: application/json' -H 'accept-language: *'
curl -sS http://127.0.0.1:33279/.well-known/oauth-authorization-server/mcp -H 'accept: application/json' -H 'accept-language: *'
curl -sS http://127.0.0.1:33279/.well-known/oauth-authorization-server -H 'accept: application/json' -H 'accept-language: *'
curl -sS http://127.0.0.1:33279/.well-known/openid-configuration/mcp -H 'accept: application/json' -H 'accept-language: *'
curl -sS http://127.0.0.1:33279/mcp/.well-known/openid-configuration -H 'accept: application/json' -H 'accept-language: *'
curl -sS http://127.0.0.1:33279/mcp -H 'accept: application/json, text/event-stream' -H 'accept-language: *' -H 'x-api-key: <redacted:X-API-Key#1>'
curl -sS -X POST http://127.0.0.1:33279/mcp -H 'accept: application/json, text/event-stream' -H 'accept-language: *' -H 'content-type: application/json' -H 'mcp-method: initialize' -H 'x-api-key: <redacted:X-API-Key#1>' --data-raw '{"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"mcp-remote","version":"0.15.1"}},"jsonrpc":"2.0","id":0}'
curl -sS -X POST http://127.0.0.1:33279/mcp -H 'accept: application/json, text/event-stream' -H 'accept-language: *' -H 'content-type: application/json' -H 'mcp-method: notifications/initialized' -H 'mcp-protocol-version: 2025-11-25' -H 'mcp-session-id: session-1-4huj5rb8' -H 'x-api-key: <redacted:X-API-Key#1>' --data-raw '{"jsonrpc":"2.0","method":"notifications/initialized"}'
curl -sS http://127.0.0.1:33279/mcp -H 'accept: text/event-stream' -H 'accept-language: *' -H 'mcp-protocol-version: 2025-11-25' -H 'mcp-session-id: session-1-4huj5rb8' -H 'x-api-key: <redacted:X-API-Key#1>'
curl -sS -X POST http://127.0.0.1:33279/mcp -H 'accept: application/json, text/event-stream' -H 'accept-language: *' -H 'content-type: application/json' -H 'mcp-method: tools/list' -H 'mcp-protocol-version: 2025-11-25' -H 'mcp-session-id: session-1-4huj5rb8' -H 'x-api-key: <redacted:X-API-Key#1>' --data-raw '{"method":"tools/list","jsonrpc":"2.0","id":1}'
curl -sS -X POST http://127.0.0.1:33279/mcp -H 'accept: application/json, text/event-stream' -H 'accept-language: *' -H 'content-type: application/json' -H 'mcp-method: resources/list' -H 'mcp-protocol-version: 2025-11-25' -H 'mcp-session-id: session-1-4huj5rb8' -H 'x-api-key: <redacted:X-API-Key#1>' --data-raw '{"method":"resources/list","jsonrpc":"2.0","id":2}'
