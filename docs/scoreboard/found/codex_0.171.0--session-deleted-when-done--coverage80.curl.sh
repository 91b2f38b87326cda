#!/bin/sh
# codex@0.171.0 violates session-deleted-when-done [SHOULD]: A client that finishes a Streamable HTTP session the server issued an Mcp-Session-Id for ends it with a DELETE carrying that id.
#   - the session issued to request #1 was never ended with a DELETE carrying its id, though the client finished
# reproduce: npx mcp-auth-harness fuzz --client codex@0.171.0 --property session-deleted-when-done --phases coverage --timeout 15000
# replay:    npx mcp-auth-harness replay docs/scoreboard/found/codex_0.171.0--session-deleted-when-done--coverage80.json
# The requests the client sent, in order (secrets redacted):
curl -sS -X POST http://127.0.0.1:34317/mcp -H 'accept: text/event-stream, application/json' -H 'content-type: application/json' --data-raw '{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{"elicitation":{"form":{},"url":{}}},"clientInfo":{"name":"codex-mcp-client","title":"Codex","version":"0.171.0"}}}'
