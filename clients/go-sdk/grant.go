//go:build !nooauth && !oauthv14

// A grant without a user (MCP_OAUTH_GRANT), v1.6.0 and later: client credentials with a secret
// (SEP-1046) through the SDK's extauth.ClientCredentialsHandler, as its docs show.
package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"

	"github.com/modelcontextprotocol/go-sdk/auth/extauth"
	"github.com/modelcontextprotocol/go-sdk/mcp"
	"github.com/modelcontextprotocol/go-sdk/oauthex"
)

// grantTransport is Streamable HTTP with the SDK's handler for the configured grant, or nil when the
// config names none.
func grantTransport(endpoint string, httpClient *http.Client) (mcp.Transport, error) {
	raw := os.Getenv("MCP_OAUTH_GRANT")
	if raw == "" {
		return nil, nil
	}
	var grant struct {
		Grant        string `json:"grant"`
		ClientID     string `json:"clientId"`
		ClientSecret string `json:"clientSecret"`
	}
	if err := json.Unmarshal([]byte(raw), &grant); err != nil {
		return nil, fmt.Errorf("MCP_OAUTH_GRANT is not a grant: %w", err)
	}
	if grant.Grant != "client-credentials-basic" {
		return nil, fmt.Errorf("this go-sdk release cannot be told the %s grant", grant.Grant)
	}
	handler, err := extauth.NewClientCredentialsHandler(&extauth.ClientCredentialsHandlerConfig{
		Credentials: &oauthex.ClientCredentials{
			ClientID:         grant.ClientID,
			ClientSecretAuth: &oauthex.ClientSecretAuth{ClientSecret: grant.ClientSecret},
		},
	})
	if err != nil {
		return nil, err
	}
	return &mcp.StreamableClientTransport{Endpoint: endpoint, HTTPClient: httpClient, OAuthHandler: handler}, nil
}
