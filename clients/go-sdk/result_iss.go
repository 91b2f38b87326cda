//go:build !nooauth && !noiss

package main

import (
	"net/url"

	"github.com/modelcontextprotocol/go-sdk/auth"
)

// authorizationResult is the redirect's code, state and iss (RFC 9207; the field came in v1.7.0).
func authorizationResult(query url.Values) *auth.AuthorizationResult {
	return &auth.AuthorizationResult{Code: query.Get("code"), State: query.Get("state"), Iss: query.Get("iss")}
}
