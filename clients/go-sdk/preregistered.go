//go:build !nooauth && !oauthv14

package main

import (
	"github.com/modelcontextprotocol/go-sdk/auth"
	"github.com/modelcontextprotocol/go-sdk/oauthex"
)

// usePreregistered tells the handler of a pre-registered client (v1.6.0 and later: a public one too).
func usePreregistered(config *auth.AuthorizationCodeHandlerConfig, id, secret string) {
	config.PreregisteredClient = &oauthex.ClientCredentials{ClientID: id}
	if secret != "" {
		config.PreregisteredClient.ClientSecretAuth = &oauthex.ClientSecretAuth{ClientSecret: secret}
	}
}
