#!/bin/sh
# gemini-cli@0.61.0 violates protocol-version-header [MUST]: After initialize negotiated 2025-06-18 or later, every request to the MCP endpoint carries MCP-Protocol-Version with the negotiated version.
#   - request #2 POST http://127.0.0.1:37451/mcp lacked MCP-Protocol-Version
#   - request #3 GET http://127.0.0.1:37451/mcp lacked MCP-Protocol-Version
#   - request #4 POST http://127.0.0.1:37451/mcp lacked MCP-Protocol-Version
# reproduce: npx mcp-auth-harness fuzz --client gemini-cli@0.61.0 --property protocol-version-header --phases coverage --timeout 15000
# replay:    npx mcp-auth-harness replay docs/scoreboard/found/gemini-cli_0.61.0--protocol-version-header--coverage4.json
# The requests the client sent, in order (secrets redacted):
curl -sS -X POST http://127.0.0.1:37451/mcp -H 'accept: application/json, text/event-stream' -H 'accept-language: *' -H 'content-type: application/json' -H 'x-api-key: <redacted:X-API-Key#1>' --data-raw '{"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{"roots":{"listChanged":true}},"clientInfo":{"name":"gemini-cli-mcp-client","version":"0.61.0"}},"jsonrpc":"2.0","id":0}'
curl -sS -X POST http://127.0.0.1:37451/mcp -H 'accept: application/json, text/event-stream' -H 'accept-language: *' -H 'content-type: application/json' -H 'mcp-session-id: session-1-0ulrm7iu' -H 'x-api-key: <redacted:X-API-Key#1>' --data-raw '{"method":"notifications/initialized","jsonrpc":"2.0"}'
curl -sS http://127.0.0.1:37451/mcp -H 'accept: text/event-stream' -H 'accept-language: *' -H 'mcp-session-id: session-1-0ulrm7iu' -H 'x-api-key: <redacted:X-API-Key#1>'
curl -sS -X POST http://127.0.0.1:37451/mcp -H 'accept: application/json, text/event-stream' -H 'accept-language: *' -H 'content-type: application/json' -H 'mcp-session-id: session-1-0ulrm7iu' -H 'x-api-key: <redacted:X-API-Key#1>' --data-raw '{"method":"tools/list","params":{},"jsonrpc":"2.0","id":1}'
