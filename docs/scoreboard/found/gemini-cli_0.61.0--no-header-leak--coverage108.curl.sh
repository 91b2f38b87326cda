#!/bin/sh
# gemini-cli@0.61.0 violates no-header-leak [MUST]: Configured header values and access tokens are never sent to any origin but the MCP server's (authorization server, registration, token endpoint, foreign metadata hosts).
#   - request #2 POST http://127.0.0.1:35701/mcp/sse/ sent the value of configured header X-API-Key to another origin
# reproduce: npx mcp-auth-harness fuzz --client gemini-cli@0.61.0 --property no-header-leak --phases coverage --timeout 15000
# replay:    npx mcp-auth-harness replay docs/scoreboard/found/gemini-cli_0.61.0--no-header-leak--coverage108.json
# The requests the client sent, in order (secrets redacted):
curl -sS -X POST 'http://127.0.0.1:34887/mcp/sse/?tenant=acme' -H 'accept: application/json, text/event-stream' -H 'accept-language: *' -H 'content-type: application/json' -H 'x-api-key: <redacted:X-API-Key#1>' --data-raw '{"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{"roots":{"listChanged":true}},"clientInfo":{"name":"gemini-cli-mcp-client","version":"0.61.0"}},"jsonrpc":"2.0","id":0}'
curl -sS -X POST 'http://127.0.0.1:35701/mcp/sse/?tenant=acme' -H 'accept: application/json, text/event-stream' -H 'accept-language: *' -H 'content-type: application/json' -H 'x-api-key: <redacted:X-API-Key#1>' --data-raw '{"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{"roots":{"listChanged":true}},"clientInfo":{"name":"gemini-cli-mcp-client","version":"0.61.0"}},"jsonrpc":"2.0","id":0}'
