//go:build !nooauth && noiss

package main

import (
	"net/url"

	"github.com/modelcontextprotocol/go-sdk/auth"
)

// authorizationResult is the redirect's code and state (before v1.7.0 the SDK took no iss).
func authorizationResult(query url.Values) *auth.AuthorizationResult {
	return &auth.AuthorizationResult{Code: query.Get("code"), State: query.Get("state")}
}
