//go:build !nooauth && oauthv14

package main

import "github.com/modelcontextprotocol/go-sdk/auth"

// usePreregistered tells the v1.4 handler of a pre-registered client: it takes only one with a
// secret (the harness offers these releases no public pre-registered client: go-sdk.ts).
func usePreregistered(config *auth.AuthorizationCodeHandlerConfig, id, secret string) {
	config.PreregisteredClientConfig = &auth.PreregisteredClientConfig{
		ClientSecretAuthConfig: &auth.ClientSecretAuthConfig{ClientID: id, ClientSecret: secret},
	}
}
