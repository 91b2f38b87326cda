#!/bin/sh
# opencode@1.18.33 violates resource-metadata-honored [MUST]: After a 401 with WWW-Authenticate resource_metadata=R, the first Protected Resource Metadata request is GET R.
#   - request #4 GET http://127.0.0.1:38815/.well-known/oauth-protected-resource/mcp was the first metadata request, but the 401 (#3) named http://127.0.0.1:38815/.well-known/oauth-protected-resource
# reproduce: npx mcp-auth-harness fuzz --client opencode@1.18.33 --property resource-metadata-honored --phases coverage --timeout 15000
# replay:    npx mcp-auth-harness replay docs/scoreboard/found/opencode_1.18.33--resource-metadata-honored--coverage118.json
# The requests the client sent, in order (secrets redacted):
curl -sS -X POST http://127.0.0.1:38815/mcp -H 'accept: application/json, text/event-stream' -H 'content-type: application/json' --data-raw '{"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{"roots":{}},"clientInfo":{"name":"opencode","version":"1.18.33"}},"jsonrpc":"2.0","id":0}'
curl -sS -X POST http://127.0.0.1:38815/mcp -H 'accept: application/json, text/event-stream' -H 'content-type: application/json' -H 'mcp-protocol-version: 2025-11-25' -H 'mcp-session-id: session-1-ziguxeqa' --data-raw '{"method":"notifications/initialized","jsonrpc":"2.0"}'
curl -sS http://127.0.0.1:38815/mcp -H 'accept: text/event-stream' -H 'mcp-protocol-version: 2025-11-25' -H 'mcp-session-id: session-1-ziguxeqa'
curl -sS http://127.0.0.1:38815/.well-known/oauth-protected-resource/mcp -H 'accept: */*' -H 'mcp-protocol-version: 2025-11-25'
curl -sS http://127.0.0.1:38815/.well-known/oauth-protected-resource -H 'accept: */*' -H 'mcp-protocol-version: 2025-11-25'
curl -sS http://127.0.0.1:33051/.well-known/oauth-authorization-server -H 'accept: application/json' -H 'mcp-protocol-version: 2025-11-25'
curl -sS -X POST http://127.0.0.1:33051/register -H 'accept: */*' -H 'content-type: application/json' --data-raw '{"redirect_uris":["http://127.0.0.1:19876/mcp/oauth/callback"],"client_name":"OpenCode","client_uri":"https://opencode.ai","grant_types":["authorization_code","refresh_token"],"response_types":["code"],"token_endpoint_auth_method":"none","scope":"mcp:read mcp:write"}'
curl -sS -X POST http://127.0.0.1:38815/mcp -H 'accept: application/json, text/event-stream' -H 'content-type: application/json' -H 'mcp-protocol-version: 2025-11-25' -H 'mcp-session-id: session-1-ziguxeqa' --data-raw '{"method":"tools/list","jsonrpc":"2.0","id":1}'
