//go:build nooauth

// Releases before v1.4.0 have no client OAuth: a 401 ends the session, as in an app without OAuth.
package main

import (
	"net/http"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

func oauthTransport(endpoint string, httpClient *http.Client) (mcp.Transport, func(), error) {
	return &mcp.StreamableClientTransport{Endpoint: endpoint, HTTPClient: httpClient}, func() {}, nil
}
