#!/bin/sh
# mcp-remote@0.15.1 violates session-deleted-when-done [SHOULD]: A client that finishes a Streamable HTTP session the server issued an Mcp-Session-Id for ends it with a DELETE carrying that id.
#   - the session issued to request #9 was never ended with a DELETE carrying its id, though the client finished
# reproduce: npx mcp-auth-harness fuzz --client mcp-remote@0.15.1 --property session-deleted-when-done --phases coverage --timeout 15000
# replay:    npx mcp-auth-harness replay docs/scoreboard/found/mcp-remote_0.15.1--session-deleted-when-done--coverage0.json
# The requests the client sent, in order (secrets redacted):
curl -sS http://127.0.0.1:34655/mcp -H 'accept: application/json, text/event-stream' -H 'accept-language: *'
curl -sS http://127.0.0.1:34655/.well-known/oauth-protected-resource/mcp -H 'accept: application/json' -H 'accept-language: *'
curl -sS http://127.0.0.1:34655/.well-known/oauth-protected-resource -H 'accept: application/json' -H 'accept-language: *'
curl -sS http://127.0.0.1:34655/.well-known/oauth-authorization-server/mcp -H 'accept: application/json' -H 'accept-language: *'
curl -sS http://127.0.0.1:34655/.well-known/oauth-authorization-server -H 'accept: application/json' -H 'accept-language: *'
curl -sS http://127.0.0.1:34655/.well-known/openid-configuration/mcp -H 'accept: application/json' -H 'accept-language: *'
curl -sS http://127.0.0.1:34655/mcp/.well-known/openid-configuration -H 'accept: application/json' -H 'accept-language: *'
curl -sS http://127.0.0.1:34655/mcp -H 'accept: application/json, text/event-stream' -H 'accept-language: *'
curl -sS -X POST http://127.0.0.1:34655/mcp -H 'accept: application/json, text/event-stream' -H 'accept-language: *' -H 'content-type: application/json' -H 'mcp-method: initialize' --data-raw '{"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"mcp-remote","version":"0.15.1"}},"jsonrpc":"2.0","id":0}'
curl -sS -X POST http://127.0.0.1:34655/mcp -H 'accept: application/json, text/event-stream' -H 'accept-language: *' -H 'content-type: application/json' -H 'mcp-method: notifications/initialized' -H 'mcp-protocol-version: 2025-11-25' -H 'mcp-session-id: session-1-qnlb3uid' --data-raw '{"jsonrpc":"2.0","method":"notifications/initialized"}'
curl -sS http://127.0.0.1:34655/mcp -H 'accept: text/event-stream' -H 'accept-language: *' -H 'mcp-protocol-version: 2025-11-25' -H 'mcp-session-id: session-1-qnlb3uid'
curl -sS -X POST http://127.0.0.1:34655/mcp -H 'accept: application/json, text/event-stream' -H 'accept-language: *' -H 'content-type: application/json' -H 'mcp-method: tools/list' -H 'mcp-protocol-version: 2025-11-25' -H 'mcp-session-id: session-1-qnlb3uid' --data-raw '{"method":"tools/list","jsonrpc":"2.0","id":1}'
curl -sS -X POST http://127.0.0.1:34655/mcp -H 'accept: application/json, text/event-stream' -H 'accept-language: *' -H 'content-type: application/json' -H 'mcp-method: resources/list' -H 'mcp-protocol-version: 2025-11-25' -H 'mcp-session-id: session-1-qnlb3uid' --data-raw '{"method":"resources/list","jsonrpc":"2.0","id":2}'
