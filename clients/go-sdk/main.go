// The official Go SDK (github.com/modelcontextprotocol/go-sdk) as a `cmd:` client of mcp-auth-harness.
//
// It speaks the harness's command contract: the MCP server URL is the last argument; MCP_TRANSPORT,
// MCP_HEADERS (the configured headers as JSON), MCP_OAUTH_CLIENT_ID (a pre-registered client, or
// the conformance suite's MCP_CONFORMANCE_CONTEXT) and BROWSER (the headless browser that opens an
// authorization URL and follows its redirects) come in the environment; MCP_OAUTH=none runs without
// the SDK's OAuth support; MCP_OAUTH_GRANT (JSON) names client credentials instead (grant.go). It runs the standard session with the SDK as its docs show: Streamable
// HTTP with the SDK's auth.AuthorizationCodeHandler as the transport's OAuthHandler (the SDK's SSE
// transport has no OAuth support), then initialize, tools/list, up to three tools/call, close.
// Exit 0 when the session completed, 1 (the error on stderr) when it failed. With MCP_SESSION_LOOP=1
// it runs many sessions instead, one per line on stdin (sessionLoop).
//
// One adapter for every release from v1.1.0; the OAuth part differs by release and is chosen at build
// time by a tag (go-sdk.ts): `nooauth` before v1.4.0 (no client OAuth), `oauthv14` for v1.4.x (the
// first AuthorizationCodeHandler, a pre-registered client only with a secret), `noiss` for v1.4 to
// v1.6 (AuthorizationResult has no Iss), none from v1.7.0.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"

	"github.com/modelcontextprotocol/go-sdk/mcp"
)

// withHeaders adds the configured headers to requests for the MCP server's origin. The Go SDK has
// no header option; an http.Client with a RoundTripper is how its users add them. Scoping them to
// the server's origin keeps a header leak the SDK's own doing, not this adapter's; a header the SDK
// set itself (its OAuth token in Authorization) is left alone, as default headers are everywhere.
type withHeaders struct {
	headers map[string]string
	origin  string
}

func (t withHeaders) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.Scheme+"://"+req.URL.Host == t.origin {
		req = req.Clone(req.Context())
		for name, value := range t.headers {
			if req.Header.Get(name) == "" {
				req.Header.Set(name, value)
			}
		}
	}
	return http.DefaultTransport.RoundTrip(req)
}

// preregistered is a pre-registered client: the harness's MCP_OAUTH_CLIENT_ID, or the conformance
// suite's MCP_CONFORMANCE_CONTEXT (client_id, client_secret).
func preregistered() (string, string) {
	var context struct {
		ClientID     string `json:"client_id"`
		ClientSecret string `json:"client_secret"`
	}
	_ = json.Unmarshal([]byte(os.Getenv("MCP_CONFORMANCE_CONTEXT")), &context)
	if id := os.Getenv("MCP_OAUTH_CLIENT_ID"); id != "" {
		return id, ""
	}
	return context.ClientID, context.ClientSecret
}

func session(ctx context.Context, endpoint string) error {
	headers := map[string]string{}
	if raw := os.Getenv("MCP_HEADERS"); raw != "" {
		if err := json.Unmarshal([]byte(raw), &headers); err != nil {
			return fmt.Errorf("MCP_HEADERS is not a JSON object of strings: %w", err)
		}
	}
	parsed, err := url.Parse(endpoint)
	if err != nil {
		return err
	}
	httpClient := &http.Client{Transport: withHeaders{headers: headers, origin: parsed.Scheme + "://" + parsed.Host}}

	var transport mcp.Transport
	if os.Getenv("MCP_TRANSPORT") == "sse" {
		transport = &mcp.SSEClientTransport{Endpoint: endpoint, HTTPClient: httpClient}
	} else if os.Getenv("MCP_OAUTH") == "none" {
		transport = &mcp.StreamableClientTransport{Endpoint: endpoint, HTTPClient: httpClient}
	} else if granted, err := grantTransport(endpoint, httpClient); err != nil {
		return err
	} else if granted != nil {
		transport = granted
	} else {
		oauth, done, err := oauthTransport(endpoint, httpClient)
		if err != nil {
			return err
		}
		defer done()
		transport = oauth
	}

	client := mcp.NewClient(&mcp.Implementation{Name: "mcp-auth-harness go-sdk client", Version: "1.0.0"}, nil)
	cs, err := client.Connect(ctx, transport, nil)
	if err != nil {
		return err
	}
	defer cs.Close()
	tools, err := cs.ListTools(ctx, nil)
	if err != nil {
		return err
	}
	for i := 0; i < 3 && len(tools.Tools) > 0; i++ {
		if _, err := cs.CallTool(ctx, &mcp.CallToolParams{Name: tools.Tools[0].Name, Arguments: map[string]any{}}); err != nil {
			return err
		}
	}
	return nil
}

// sessionLoop runs one session per stdin line, `{"session": N, "url": URL, "env": {...}}`: the
// variables a process started for that one trial would get, set for the session (the previous
// session's others unset), and fresh SDK objects each time. Each session's end is one stdout line,
// `{"session": N, "ok": true}` or `{"session": N, "ok": false, "error": "..."}`.
func sessionLoop() {
	out := json.NewEncoder(os.Stdout)
	_ = out.Encode(map[string]any{"ready": true})
	lines := bufio.NewScanner(os.Stdin)
	lines.Buffer(make([]byte, 1<<20), 1<<24)
	previous := map[string]bool{}
	for lines.Scan() {
		var request struct {
			Session int               `json:"session"`
			URL     string            `json:"url"`
			Env     map[string]string `json:"env"`
		}
		if err := json.Unmarshal(lines.Bytes(), &request); err != nil {
			fmt.Fprintf(os.Stderr, "not a session line: %v\n", err)
			continue
		}
		for name := range previous {
			if _, kept := request.Env[name]; !kept {
				os.Unsetenv(name)
			}
		}
		previous = map[string]bool{}
		for name, value := range request.Env {
			os.Setenv(name, value)
			previous[name] = true
		}
		answer := map[string]any{"session": request.Session, "ok": true}
		if err := session(context.Background(), request.URL); err != nil {
			answer["ok"] = false
			answer["error"] = err.Error()
		}
		// No connection outlives its session.
		if transport, ok := http.DefaultTransport.(*http.Transport); ok {
			transport.CloseIdleConnections()
		}
		_ = out.Encode(answer)
	}
}

func main() {
	if os.Getenv("MCP_SESSION_LOOP") == "1" {
		sessionLoop()
		return
	}
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: go-sdk-client URL   (the MCP server URL is the last argument)")
		os.Exit(2)
	}
	endpoint := os.Args[len(os.Args)-1]
	if u, err := url.Parse(endpoint); err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		fmt.Fprintln(os.Stderr, "usage: go-sdk-client URL   (the MCP server URL is the last argument)")
		os.Exit(2)
	}
	if err := session(context.Background(), endpoint); err != nil {
		fmt.Fprintf(os.Stderr, "session failed: %v\n", err)
		os.Exit(1)
	}
}
