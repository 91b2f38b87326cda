//! The official Rust SDK (the `rmcp` crate) as a `cmd:` client of mcp-auth-harness.
//!
//! It speaks the harness's command contract: the MCP server URL is the last argument; MCP_HEADERS
//! (the configured headers as JSON), MCP_OAUTH_CLIENT_ID (a pre-registered client, or the
//! conformance suite's MCP_CONFORMANCE_CONTEXT) and BROWSER (the headless browser that opens an
//! authorization URL and follows its redirects) come in the environment; MCP_OAUTH=none runs
//! without the SDK's OAuth support. rmcp has only the Streamable HTTP client transport. The session
//! follows the SDK's reactive OAuth flow as its docs describe: connect with the configured headers;
//! when that fails with a challenge (`ClientInitializeError::auth_challenge`), authorize with
//! `OAuthState` fed the challenge (`AuthorizationRequest::with_challenge`) and reconnect through an
//! `AuthClient`; then initialize, tools/list, up to three tools/call, close.
//! Exit 0 when the session completed, 1 (the error on stderr) when it failed. With MCP_SESSION_LOOP=1
//! it runs many sessions instead, one per line on stdin (`session_loop`).

use std::collections::HashMap;
use std::time::Duration;

use rmcp::model::CallToolRequestParams;
use rmcp::service::{RoleClient, RunningService};
use rmcp::transport::auth::{AuthClient, AuthorizationRequest, ClientCredentialsConfig, OAuthState};
use rmcp::transport::streamable_http_client::StreamableHttpClientTransportConfig;
use rmcp::transport::StreamableHttpClientTransport;
use rmcp::ServiceExt;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

type Error = Box<dyn std::error::Error + Send + Sync>;

fn configured_headers() -> Result<HashMap<http::HeaderName, http::HeaderValue>, Error> {
    let raw = std::env::var("MCP_HEADERS").unwrap_or_default();
    let parsed: HashMap<String, String> = if raw.is_empty() { HashMap::new() } else { serde_json::from_str(&raw)? };
    let mut headers = HashMap::new();
    for (name, value) in parsed {
        headers.insert(http::HeaderName::try_from(name)?, http::HeaderValue::try_from(value)?);
    }
    Ok(headers)
}

/// Waits for the authorization redirect on the loopback callback (RFC 8252 §7.3): code, state, iss.
async fn redirect(listener: TcpListener) -> Result<(String, String, Option<String>), Error> {
    loop {
        let (mut socket, _) = listener.accept().await?;
        let mut buffer = vec![0u8; 8192];
        let read = socket.read(&mut buffer).await?;
        let request = String::from_utf8_lossy(&buffer[..read]).to_string();
        let target = request.split(' ').nth(1).unwrap_or("/").to_string();
        socket.write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: close\r\n\r\nok").await?;
        let url = url::Url::parse(&format!("http://127.0.0.1{target}"))?;
        let query: HashMap<String, String> = url.query_pairs().into_owned().collect();
        if let Some(code) = query.get("code") {
            return Ok((code.clone(), query.get("state").cloned().unwrap_or_default(), query.get("iss").cloned()));
        }
    }
}

/// The SDK's authorization flow for a server that answered with `challenge`; returns its authorized state.
async fn authorize(url: &str, challenge: &str) -> Result<OAuthState, Error> {
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let redirect_uri = format!("http://{}/callback", listener.local_addr()?);
    let mut request = AuthorizationRequest::new(redirect_uri)
        .with_client_name("mcp-auth-harness rust-sdk client")
        .with_challenge(challenge);
    // A pre-registered client: the harness's MCP_OAUTH_CLIENT_ID, or the conformance suite's context.
    let context: serde_json::Value =
        serde_json::from_str(&std::env::var("MCP_CONFORMANCE_CONTEXT").unwrap_or_default()).unwrap_or_default();
    // A Client ID Metadata Document URL where the authorization server takes one (the 2026-07-28
    // default), dynamic registration where it does not: the URL the harness's other clients publish.
    if std::env::var("MCP_OAUTH_CLIENT_ID").is_err() && context["client_id"].as_str().is_none() {
        request = request.with_client_metadata_url("https://client.mcp-auth-harness.test/oauth/client-metadata.json");
    }
    if let Ok(id) = std::env::var("MCP_OAUTH_CLIENT_ID") {
        request = request.with_preregistered_client(id);
    } else if let Some(id) = context["client_id"].as_str() {
        request = request.with_preregistered_client(id);
        if let Some(secret) = context["client_secret"].as_str() {
            request = request.with_client_secret(secret);
        }
    }
    let mut state = OAuthState::new(url, None).await?;
    state.start_authorization(request).await?;
    let authorization_url = state.get_authorization_url().await?;
    let browser = std::env::var("BROWSER").map_err(|_| "no BROWSER in the environment to open the authorization URL with")?;
    tokio::process::Command::new(browser).arg(&authorization_url).status().await?;
    let (code, csrf, iss) = tokio::time::timeout(Duration::from_secs(30), redirect(listener)).await??;
    state.handle_callback_with_issuer(&code, &csrf, iss.as_deref()).await?;
    Ok(state)
}

/// A grant without a user (MCP_OAUTH_GRANT, JSON): client credentials with a secret (SEP-1046) by
/// the SDK's own flow, `OAuthState::authenticate_client_credentials`. None when the config names none.
async fn grant(url: &str) -> Result<Option<OAuthState>, Error> {
    let Ok(raw) = std::env::var("MCP_OAUTH_GRANT") else { return Ok(None) };
    let grant: serde_json::Value = serde_json::from_str(&raw)?;
    if grant["grant"] != "client-credentials-basic" {
        return Err(format!("this rmcp release cannot be told the {} grant", grant["grant"]).into());
    }
    let mut state = OAuthState::new(url, None).await?;
    state
        .authenticate_client_credentials(ClientCredentialsConfig::ClientSecret {
            client_id: grant["clientId"].as_str().unwrap_or_default().to_string(),
            client_secret: grant["clientSecret"].as_str().unwrap_or_default().to_string(),
            scopes: vec![],
            // rmcp wants the resource from its caller: the MCP server's URL, as its docs show.
            resource: Some(url.to_string()),
        })
        .await?;
    Ok(Some(state))
}

async fn standard_session(client: RunningService<RoleClient, ()>) -> Result<(), Error> {
    let tools = client.list_tools(Default::default()).await?.tools;
    if let Some(tool) = tools.first() {
        for _ in 0..3 {
            client.call_tool(CallToolRequestParams::new(tool.name.clone())).await?;
        }
    }
    client.cancel().await?;
    Ok(())
}

async fn session(url: &str) -> Result<(), Error> {
    let config = || StreamableHttpClientTransportConfig::with_uri(url.to_string());
    let headers = configured_headers()?;
    let plain = StreamableHttpClientTransport::with_client(reqwest::Client::new(), config().custom_headers(headers.clone()));
    match ().serve(plain).await {
        Ok(client) => standard_session(client).await,
        Err(error) => {
            let Some(challenge) = error.auth_challenge().map(str::to_string) else { return Err(error.into()) };
            if std::env::var("MCP_OAUTH").as_deref() == Ok("none") {
                return Err(error.into());
            }
            let state = match grant(url).await? {
                Some(state) => state,
                None => authorize(url, &challenge).await?,
            };
            let manager = state.into_authorization_manager().ok_or("the OAuth flow ended without an authorization manager")?;
            let authorized = AuthClient::new(reqwest::Client::new(), manager);
            let transport = StreamableHttpClientTransport::with_client(authorized, config().custom_headers(headers));
            standard_session(().serve(transport).await?).await
        }
    }
}

/// One session per stdin line, `{"session": N, "url": URL, "env": {...}}`: the variables a process
/// started for that one trial would get, set for the session (the previous session's others unset),
/// and fresh SDK objects each time. Each session's end is one stdout line, `{"session": N, "ok": true}`
/// or `{"session": N, "ok": false, "error": "..."}`.
async fn session_loop() {
    println!("{}", serde_json::json!({ "ready": true }));
    let mut lines = tokio::io::BufReader::new(tokio::io::stdin()).lines();
    let mut previous: Vec<String> = Vec::new();
    while let Ok(Some(line)) = lines.next_line().await {
        let Ok(request) = serde_json::from_str::<serde_json::Value>(&line) else {
            eprintln!("not a session line: {line}");
            continue;
        };
        let env = request["env"].as_object().cloned().unwrap_or_default();
        // Sessions run one at a time: nothing else reads the environment while it changes.
        for name in previous.drain(..) {
            if !env.contains_key(&name) {
                std::env::remove_var(&name);
            }
        }
        for (name, value) in &env {
            std::env::set_var(name, value.as_str().unwrap_or_default());
            previous.push(name.clone());
        }
        let url = request["url"].as_str().unwrap_or_default().to_string();
        let answer = match session(&url).await {
            Ok(()) => serde_json::json!({ "session": request["session"], "ok": true }),
            Err(error) => serde_json::json!({ "session": request["session"], "ok": false, "error": error.to_string() }),
        };
        println!("{answer}");
    }
}

#[tokio::main]
async fn main() {
    if std::env::var("MCP_SESSION_LOOP").as_deref() == Ok("1") {
        session_loop().await;
        return;
    }
    let url = std::env::args().last().unwrap_or_default();
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        eprintln!("usage: rust-sdk-client URL   (the MCP server URL is the last argument)");
        std::process::exit(2);
    }
    if let Err(error) = session(&url).await {
        eprintln!("session failed: {error}");
        std::process::exit(1);
    }
}
