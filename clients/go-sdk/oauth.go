//go:build !nooauth

// The SDK's OAuth client (v1.4.0 and later): auth.AuthorizationCodeHandler as the Streamable HTTP
// transport's OAuthHandler, with a loopback callback and the harness's headless browser.
package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"time"

	"github.com/modelcontextprotocol/go-sdk/auth"
	"github.com/modelcontextprotocol/go-sdk/mcp"
	"github.com/modelcontextprotocol/go-sdk/oauthex"
)

// callback is a one-shot loopback server for the authorization redirect (RFC 8252 §7.3).
type callback struct {
	listener net.Listener
	results  chan *auth.AuthorizationResult
}

func newCallback() (*callback, error) {
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	c := &callback{listener: listener, results: make(chan *auth.AuthorizationResult, 1)}
	go http.Serve(listener, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		query := r.URL.Query()
		if query.Get("code") != "" {
			select {
			case c.results <- authorizationResult(query):
			default:
			}
		}
		fmt.Fprint(w, "ok")
	}))
	return c, nil
}

func (c *callback) uri() string { return "http://" + c.listener.Addr().String() + "/callback" }

// fetch opens the authorization URL in the harness's headless browser and waits for the redirect.
func (c *callback) fetch(ctx context.Context, args *auth.AuthorizationArgs) (*auth.AuthorizationResult, error) {
	browser := os.Getenv("BROWSER")
	if browser == "" {
		return nil, errors.New("no BROWSER in the environment to open the authorization URL with")
	}
	if err := exec.CommandContext(ctx, browser, args.URL).Run(); err != nil {
		return nil, fmt.Errorf("the browser failed: %w", err)
	}
	select {
	case result := <-c.results:
		return result, nil
	case <-time.After(30 * time.Second):
		return nil, errors.New("no authorization redirect within 30 s")
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// clientMetadataURL is where this client's Client ID Metadata Document would be published (https, with a path).
const clientMetadataURL = "https://client.mcp-auth-harness.test/oauth/client-metadata.json"

// oauthTransport is Streamable HTTP with the SDK's authorization code handler; done closes the callback.
func oauthTransport(endpoint string, httpClient *http.Client) (mcp.Transport, func(), error) {
	cb, err := newCallback()
	if err != nil {
		return nil, nil, err
	}
	config := &auth.AuthorizationCodeHandlerConfig{RedirectURL: cb.uri(), AuthorizationCodeFetcher: cb.fetch}
	if id, secret := preregistered(); id != "" {
		usePreregistered(config, id, secret)
	} else {
		// A Client ID Metadata Document URL where the authorization server takes one (the 2026-07-28
		// default), dynamic registration where it does not: the same URL the harness's other clients publish.
		config.ClientIDMetadataDocumentConfig = &auth.ClientIDMetadataDocumentConfig{URL: clientMetadataURL}
		config.DynamicClientRegistrationConfig = &auth.DynamicClientRegistrationConfig{
			Metadata: &oauthex.ClientRegistrationMetadata{
				ClientName:              "mcp-auth-harness go-sdk client",
				RedirectURIs:            []string{cb.uri()},
				GrantTypes:              []string{"authorization_code", "refresh_token"},
				ResponseTypes:           []string{"code"},
				TokenEndpointAuthMethod: "none",
			},
		}
	}
	handler, err := auth.NewAuthorizationCodeHandler(config)
	if err != nil {
		cb.listener.Close()
		return nil, nil, err
	}
	transport := &mcp.StreamableClientTransport{Endpoint: endpoint, HTTPClient: httpClient, OAuthHandler: handler}
	return transport, func() { cb.listener.Close() }, nil
}
