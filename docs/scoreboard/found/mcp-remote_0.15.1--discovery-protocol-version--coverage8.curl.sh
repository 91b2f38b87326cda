#!/bin/sh
# mcp-remote@0.15.1 violates discovery-protocol-version [SHOULD]: With a 2025-03-26 server, every authorization server metadata request carries the MCP-Protocol-Version header.
#   - metadata request #4 GET http://127.0.0.1:41129/.well-known/oauth-authorization-server/mcp lacked MCP-Protocol-Version
#   - metadata request #5 GET http://127.0.0.1:41129/.well-known/oauth-authorization-server lacked MCP-Protocol-Version
#   - metadata request #6 GET http://127.0.0.1:41129/.well-known/openid-configuration/mcp lacked MCP-Protocol-Version
#   - metadata request #7 GET http://127.0.0.1:41129/mcp/.well-known/openid-configuration lacked MCP-Protocol-Version
# reproduce: npx mcp-auth-harness fuzz --client mcp-remote@0.15.1 --property discovery-protocol-version --phases coverage --timeout 15000
# replay:    npx mcp-auth-harness replay docs/scoreboard/found/mcp-remote_0.15.1--discovery-protocol-version--coverage8.json
# The requests the client sent, in order (secrets redacted):
curl -sS http://127.0.0.1:41129/mcp -H 'accept: application/json, text/event-stream' -H 'accept-language: *'
curl -sS http://127.0.0.1:41129/.well-known/oauth-protected-resource/mcp -H 'accept: application/json' -H 'accept-language: *'
curl -sS http://127.0.0.1:41129/.well-known/oauth-protected-resource -H 'accept: application/json' -H 'accept-language: *'
curl -sS http://127.0.0.1:41129/.well-known/oauth-authorization-server/mcp -H 'accept: application/json' -H 'accept-language: *'
curl -sS http://127.0.0.1:41129/.well-known/oauth-authorization-server -H 'accept: application/json' -H 'accept-language: *'
curl -sS http://127.0.0.1:41129/.well-known/openid-configuration/mcp -H 'accept: application/json' -H 'accept-language: *'
curl -sS http://127.0.0.1:41129/mcp/.well-known/openid-configuration -H 'accept: application/json' -H 'accept-language: *'
curl -sS http://127.0.0.1:41129/mcp -H 'accept: application/json, text/event-stream' -H 'accept-language: *'
curl -sS -X POST http://127.0.0.1:41129/mcp -H 'accept: application/json, text/event-stream' -H 'accept-language: *' -H 'content-type: application/json' -H 'mcp-method: initialize' --data-raw '{"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"mcp-remote","version":"0.15.1"}},"jsonrpc":"2.0","id":0}'
curl -sS -X POST http://127.0.0.1:41129/mcp -H 'accept: application/json, text/event-stream' -H 'accept-language: *' -H 'content-type: application/json' -H 'mcp-method: notifications/initialized' -H 'mcp-protocol-version: 2025-03-26' -H 'mcp-session-id: session-1-tm127kj5' --data-raw '{"jsonrpc":"2.0","method":"notifications/initialized"}'
curl -sS http://127.0.0.1:41129/mcp -H 'accept: text/event-stream' -H 'accept-language: *' -H 'mcp-protocol-version: 2025-03-26' -H 'mcp-session-id: session-1-tm127kj5'
curl -sS -X POST http://127.0.0.1:41129/mcp -H 'accept: application/json, text/event-stream' -H 'accept-language: *' -H 'content-type: application/json' -H 'mcp-method: tools/list' -H 'mcp-protocol-version: 2025-03-26' -H 'mcp-session-id: session-1-tm127kj5' --data-raw '{"method":"tools/list","jsonrpc":"2.0","id":1}'
curl -sS -X POST http://127.0.0.1:41129/mcp -H 'accept: application/json, text/event-stream' -H 'accept-language: *' -H 'content-type: application/json' -H 'mcp-method: resources/list' -H 'mcp-protocol-version: 2025-03-26' -H 'mcp-session-id: session-1-tm127kj5' --data-raw '{"method":"resources/list","jsonrpc":"2.0","id":2}'
