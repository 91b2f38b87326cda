#!/bin/sh
# python-sdk@2.3.0 violates client-registration [SHOULD]: A client with a pre-registered client id does not register; dynamic client registration goes only to an advertised registration_endpoint; a URL client_id (Client ID Metadata Document) is https with a path.
#   - request #6 POST http://127.0.0.1:44427/register registered a client to an endpoint no authorization server metadata advertised
# reproduce: npx mcp-auth-harness fuzz --client python-sdk@2.3.0 --property client-registration --phases coverage --timeout 15000
# replay:    npx mcp-auth-harness replay docs/scoreboard/found/python-sdk_2.3.0--client-registration--coverage1.json
# The requests the client sent, in order (secrets redacted):
curl -sS -X POST http://127.0.0.1:44427/mcp -H 'accept: application/json, text/event-stream' -H 'content-type: application/json' -H 'x-api-key: <redacted:X-API-Key#1>' --data-raw '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"mcp","version":"0.1.0"}}}'
curl -sS http://127.0.0.1:44427/.well-known/oauth-protected-resource/mcp -H 'mcp-protocol-version: 2026-07-28'
curl -sS http://127.0.0.1:44427/.well-known/oauth-protected-resource/mcp -H 'mcp-protocol-version: 2026-07-28'
curl -sS http://127.0.0.1:44427/.well-known/oauth-protected-resource -H 'mcp-protocol-version: 2026-07-28'
curl -sS http://127.0.0.1:44427/.well-known/oauth-authorization-server -H 'mcp-protocol-version: 2026-07-28'
curl -sS -X POST http://127.0.0.1:44427/register -H 'content-type: application/json' --data-raw '{"response_types":["code"],"scope":"mcp:read","client_name":"mcp-auth-harness python-sdk client","redirect_uris":["http://127.0.0.1:41679/callback"],"token_endpoint_auth_method":"none","grant_types":["authorization_code","refresh_token"],"application_type":"native"}'
