#!/bin/sh
# rust-sdk@3.11.0 violates no-header-leak [MUST]: Configured header values and access tokens are never sent to any origin but the MCP server's (authorization server, registration, token endpoint, foreign metadata hosts).
#   - request #2 POST http://127.0.0.1:35249/mcp/sse/ sent the value of configured header X-API-Key to another origin
# reproduce: npx mcp-auth-harness fuzz --client rust-sdk@3.11.0 --property no-header-leak --phases coverage --timeout 15000
# replay:    npx mcp-auth-harness replay docs/scoreboard/found/rust-sdk_3.11.0--no-header-leak--coverage93.json
# The requests the client sent, in order (secrets redacted):
curl -sS -X POST 'http://127.0.0.1:38097/mcp/sse/?v=2&region=eu' -H 'accept: text/event-stream, application/json' -H 'content-type: application/json' -H 'x-api-key: <redacted:X-API-Key#1>' --data-raw '{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{},"clientInfo":{"name":"rmcp","version":"3.11.0"},"protocolVersion":"2026-07-28"}}'
curl -sS -X POST 'http://127.0.0.1:35249/mcp/sse/?v=2&region=eu' -H 'accept: text/event-stream, application/json' -H 'content-type: application/json' -H 'referer: http://127.0.0.1:38097/mcp/sse/?v=2&region=eu' -H 'x-api-key: <redacted:X-API-Key#1>' --data-raw '{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{},"clientInfo":{"name":"rmcp","version":"3.11.0"},"protocolVersion":"2026-07-28"}}'
