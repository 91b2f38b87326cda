#!/bin/sh
# opencode@1.18.33 violates session-deleted-when-done [SHOULD]: A client that finishes a Streamable HTTP session the server issued an Mcp-Session-Id for ends it with a DELETE carrying that id.
#   - the session issued to request #1 was never ended with a DELETE carrying its id, though the client finished
# reproduce: npx mcp-auth-harness fuzz --client opencode@1.18.33 --property session-deleted-when-done --phases coverage --timeout 15000
# replay:    npx mcp-auth-harness replay docs/scoreboard/found/opencode_1.18.33--session-deleted-when-done--coverage4.json
# The requests the client sent, in order (secrets redacted):
curl -sS -X POST http://127.0.0.1:36551/mcp -H 'accept: application/json, text/event-stream' -H 'content-type: application/json' --data-raw '{"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{"roots":{}},"clientInfo":{"name":"opencode","version":"1.18.33"}},"jsonrpc":"2.0","id":0}'
curl -sS -X POST http://127.0.0.1:36551/mcp -H 'accept: application/json, text/event-stream' -H 'content-type: application/json' -H 'mcp-protocol-version: 2025-11-25' -H 'mcp-session-id: session-1-jukogqdt' --data-raw '{"method":"notifications/initialized","jsonrpc":"2.0"}'
curl -sS http://127.0.0.1:36551/mcp -H 'accept: text/event-stream' -H 'mcp-protocol-version: 2025-11-25' -H 'mcp-session-id: session-1-jukogqdt'
curl -sS -X POST http://127.0.0.1:36551/mcp -H 'accept: application/json, text/event-stream' -H 'content-type: application/json' -H 'mcp-protocol-version: 2025-11-25' -H 'mcp-session-id: session-1-jukogqdt' --data-raw '{"method":"tools/list","jsonrpc":"2.0","id":1}'
