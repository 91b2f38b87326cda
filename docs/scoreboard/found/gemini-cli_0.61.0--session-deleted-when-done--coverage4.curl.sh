#!/bin/sh
# gemini-cli@0.61.0 violates session-deleted-when-done [SHOULD]: A client that finishes a Streamable HTTP session the server issued an Mcp-Session-Id for ends it with a DELETE carrying that id.
#   - the session issued to request #1 was never ended with a DELETE carrying its id, though the client finished
# reproduce: npx mcp-auth-harness fuzz --client gemini-cli@0.61.0 --property session-deleted-when-done --phases coverage --timeout 15000
# replay:    npx mcp-auth-harness replay docs/scoreboard/found/gemini-cli_0.61.0--session-deleted-when-done--coverage4.json
# The requests the client sent, in order (secrets redacted):
curl -sS -X POST http://127.0.0.1:33869/mcp -H 'accept: application/json, text/event-stream' -H 'accept-language: *' -H 'content-type: application/json' --data-raw '{"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{"roots":{"listChanged":true}},"clientInfo":{"name":"gemini-cli-mcp-client","version":"0.61.0"}},"jsonrpc":"2.0","id":0}'
curl -sS -X POST http://127.0.0.1:33869/mcp -H 'accept: application/json, text/event-stream' -H 'accept-language: *' -H 'content-type: application/json' -H 'mcp-session-id: session-1-gya9t2t4' --data-raw '{"method":"notifications/initialized","jsonrpc":"2.0"}'
curl -sS http://127.0.0.1:33869/mcp -H 'accept: text/event-stream' -H 'accept-language: *' -H 'mcp-session-id: session-1-gya9t2t4'
curl -sS -X POST http://127.0.0.1:33869/mcp -H 'accept: application/json, text/event-stream' -H 'accept-language: *' -H 'content-type: application/json' -H 'mcp-session-id: session-1-gya9t2t4' --data-raw '{"method":"tools/list","params":{},"jsonrpc":"2.0","id":1}'
