#!/bin/sh
# opencode@1.18.33 violates client-id-metadata-preferred [SHOULD]: Where the authorization server advertises client_id_metadata_document_supported, the client uses its metadata document URL as client_id and does not register dynamically.
#   - registration request #4 registered dynamically at an authorization server that advertised client_id_metadata_document_supported
# reproduce: npx mcp-auth-harness fuzz --client opencode@1.18.33 --property client-id-metadata-preferred --phases coverage --timeout 15000
# replay:    npx mcp-auth-harness replay docs/scoreboard/found/opencode_1.18.33--client-id-metadata-preferred--coverage15.json
# The requests the client sent, in order (secrets redacted):
curl -sS -X POST http://127.0.0.1:41373/mcp -H 'accept: application/json, text/event-stream' -H 'content-type: application/json' --data-raw '{"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{"roots":{}},"clientInfo":{"name":"opencode","version":"1.18.33"}},"jsonrpc":"2.0","id":0}'
curl -sS http://127.0.0.1:41373/.well-known/oauth-protected-resource/mcp -H 'accept: */*' -H 'mcp-protocol-version: 2025-11-25'
curl -sS http://127.0.0.1:39403/.well-known/oauth-authorization-server -H 'accept: application/json' -H 'mcp-protocol-version: 2025-11-25'
curl -sS -X POST http://127.0.0.1:39403/register -H 'accept: */*' -H 'content-type: application/json' --data-raw '{"redirect_uris":["http://127.0.0.1:19876/mcp/oauth/callback"],"client_name":"OpenCode","client_uri":"https://opencode.ai","grant_types":["authorization_code","refresh_token"],"response_types":["code"],"token_endpoint_auth_method":"none","scope":"mcp:read"}'
