#!/bin/sh
# mcp-remote@0.15.1 violates client-registration [SHOULD]: A client with a pre-registered client id does not register; dynamic client registration goes only to an advertised registration_endpoint; a URL client_id (Client ID Metadata Document) is https with a path.
#   - request #14 POST http://127.0.0.1:40479/register registered a client to an endpoint no authorization server metadata advertised
#   - request #19 POST http://127.0.0.1:40479/register registered a client to an endpoint no authorization server metadata advertised
# reproduce: npx mcp-auth-harness fuzz --client mcp-remote@0.15.1 --property client-registration --phases coverage --timeout 15000
# replay:    npx mcp-auth-harness replay docs/scoreboard/found/mcp-remote_0.15.1--client-registration--coverage1.json
# The requests the client sent, in order (secrets redacted):
curl -sS http://127.0.0.1:40479/mcp -H 'accept: application/json, text/event-stream' -H 'accept-language: *' -H 'x-api-key: <redacted:X-API-Key#1>'
curl -sS http://127.0.0.1:40479/.well-known/oauth-protected-resource/mcp -H 'accept: application/json' -H 'accept-language: *'
curl -sS http://127.0.0.1:40479/.well-known/oauth-protected-resource/mcp -H 'accept: application/json' -H 'accept-language: *'
curl -sS http://127.0.0.1:40479/.well-known/oauth-protected-resource -H 'accept: application/json' -H 'accept-language: *'
curl -sS http://127.0.0.1:40479/.well-known/oauth-authorization-server/mcp -H 'accept: application/json' -H 'accept-language: *'
curl -sS http://127.0.0.1:40479/.well-known/oauth-authorization-server -H 'accept: application/json' -H 'accept-language: *'
curl -sS http://127.0.0.1:40479/.well-known/openid-configuration/mcp -H 'accept: application/json' -H 'accept-language: *'
curl -sS http://127.0.0.1:40479/mcp/.well-known/openid-configuration -H 'accept: application/json' -H 'accept-language: *'
curl -sS http://127.0.0.1:40479/mcp -H 'accept: application/json, text/event-stream' -H 'accept-language: *' -H 'x-api-key: <redacted:X-API-Key#1>'
curl -sS -X POST http://127.0.0.1:40479/mcp -H 'accept: application/json, text/event-stream' -H 'accept-language: *' -H 'content-type: application/json' -H 'mcp-method: initialize' -H 'x-api-key: <redacted:X-API-Key#1>' --data-raw '{"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"mcp-remote","version":"0.15.1"}},"jsonrpc":"2.0","id":0}'
curl -sS http://127.0.0.1:40479/.well-known/oauth-protected-resource/mcp -H 'accept: */*' -H 'accept-language: *' -H 'mcp-protocol-version: 2025-11-25' -H 'x-api-key: <redacted:X-API-Key#1>'
curl -sS http://127.0.0.1:40479/.well-known/oauth-authorization-server -H 'accept: application/json' -H 'accept-language: *' -H 'mcp-protocol-version: 2025-11-25' -H 'x-api-key: <redacted:X-API-Key#1>'
curl -sS http://127.0.0.1:40479/.well-known/openid-configuration -H 'accept: application/json' -H 'accept-language: *' -H 'mcp-protocol-version: 2025-11-25' -H 'x-api-key: <redacted:X-API-Key#1>'
curl -sS -X POST http://127.0.0.1:40479/register -H 'accept: */*' -H 'accept-language: *' -H 'content-type: application/json' -H 'x-api-key: <redacted:X-API-Key#1>' --data-raw '{"redirect_uris":["http://localhost:5095/oauth/callback"],"token_endpoint_auth_method":"none","grant_types":["authorization_code","refresh_token"],"response_types":["code"],"client_name":"MCP CLI Client","client_uri":"https://github.com/modelcontextprotocol/mcp-cli","software_id":"2e6dc280-f3c3-4e01-99a7-8181dbd1d23d","software_version":"0.15.1","scope":"mcp:read","application_type":"native"}'
curl -sS http://127.0.0.1:40479/mcp -H 'accept: text/event-stream' -H 'accept-language: *' -H 'cache-control: no-cache' -H 'pragma: no-cache' -H 'x-api-key: <redacted:X-API-Key#1>'
curl -sS http://127.0.0.1:40479/.well-known/oauth-protected-resource/mcp -H 'accept: */*' -H 'accept-language: *' -H 'mcp-protocol-version: 2025-11-25' -H 'x-api-key: <redacted:X-API-Key#1>'
curl -sS http://127.0.0.1:40479/.well-known/oauth-authorization-server -H 'accept: application/json' -H 'accept-language: *' -H 'mcp-protocol-version: 2025-11-25' -H 'x-api-key: <redacted:X-API-Key#1>'
curl -sS http://127.0.0.1:40479/.well-known/openid-configuration -H 'accept: application/json' -H 'accept-language: *' -H 'mcp-protocol-version: 2025-11-25' -H 'x-api-key: <redacted:X-API-Key#1>'
curl -sS -X POST http://127.0.0.1:40479/register -H 'accept: */*' -H 'accept-language: *' -H 'content-type: application/json' -H 'x-api-key: <redacted:X-API-Key#1>' --data-raw '{"redirect_uris":["http://localhost:5095/oauth/callback"],"token_endpoint_auth_method":"none","grant_types":["authorization_code","refresh_token"],"response_types":["code"],"client_name":"MCP CLI Client","client_uri":"https://github.com/modelcontextprotocol/mcp-cli","software_id":"2e6dc280-f3c3-4e01-99a7-8181dbd1d23d","software_version":"0.15.1","scope":"mcp:read","application_type":"native"}'
