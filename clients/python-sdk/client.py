"""The official Python SDK (`mcp` on PyPI) as a `cmd:` client of mcp-auth-harness.

It speaks the harness's command contract: the MCP server URL is the last argument; MCP_TRANSPORT,
MCP_HEADERS (the configured headers as JSON), MCP_OAUTH_CLIENT_ID (a pre-registered client; the
conformance suite's MCP_CONFORMANCE_CONTEXT client_id and client_secret are read too),
MCP_OAUTH (`none`: run without the SDK's OAuth support, as an app without it does), MCP_OAUTH_GRANT
(a grant without a user and its credentials, as JSON: client credentials with a secret or a
private key, built into the SDK's own providers) and BROWSER
(the headless browser that opens an authorization URL and follows its redirects) come in the
environment. It runs the standard session with the SDK as its documentation shows: an
`httpx2` client from `create_mcp_http_client` carrying the headers and the SDK's
`OAuthClientProvider`, then `initialize`, `tools/list`, up to three `tools/call`, close. Exit 0 when
the session completed, 1 (with the error on stderr) when it failed. With MCP_SESSION_LOOP=1 it runs
many sessions instead, one per line on stdin (`session_loop`).

One adapter for every release from 1.0: what a release has is looked up, not assumed. Streamable
HTTP came in 1.8 (`streamablehttp_client`, headers as an argument), the OAuth client in 1.10
(`OAuthClientProvider`, its callback returning `(code, state)`), `streamable_http_client` taking an
`http_client` later, and `AuthorizationCodeResult` (with `iss`) in 2.x. The harness offers a
release only the transports and OAuth it has (`python-sdk.ts`).
"""

import asyncio
import inspect
import json
import os
import subprocess
import sys
from urllib.parse import parse_qs, urlparse

from mcp import ClientSession
from mcp.client.sse import sse_client

try:  # 2.x, and late 1.x: a transport that takes an http_client
    from mcp.client.streamable_http import streamable_http_client
except ImportError:
    streamable_http_client = None
try:  # 1.8 to 1.x: headers and auth as arguments
    from mcp.client.streamable_http import streamablehttp_client
except ImportError:
    streamablehttp_client = None
try:  # 1.10 and later: the OAuth client
    from mcp.client.auth import OAuthClientProvider, TokenStorage
    from mcp.shared.auth import OAuthClientInformationFull, OAuthClientMetadata, OAuthToken
except ImportError:
    OAuthClientProvider = None
    TokenStorage = object
    OAuthClientInformationFull = OAuthClientMetadata = OAuthToken = None
try:
    from mcp.shared._httpx_utils import create_mcp_http_client
except ImportError:
    create_mcp_http_client = None
try:  # 1.23 and later: client credentials with a secret or a private key JWT (SEP-1046)
    from mcp.client.auth.extensions.client_credentials import (
        ClientCredentialsOAuthProvider,
        PrivateKeyJWTOAuthProvider,
        SignedJWTParameters,
    )
except ImportError:
    ClientCredentialsOAuthProvider = PrivateKeyJWTOAuthProvider = SignedJWTParameters = None
try:  # 2.x: the callback's result, with the authorization response's iss (RFC 9207)
    from mcp.shared.auth import AuthorizationCodeResult
except ImportError:
    AuthorizationCodeResult = None


# Where this client's Client ID Metadata Document would be published (https, with a path): the same
# URL the harness's other clients use.
CLIENT_METADATA_URL = "https://client.mcp-auth-harness.test/oauth/client-metadata.json"


def preregistered() -> tuple[str | None, str | None]:
    """A pre-registered client: the harness's MCP_OAUTH_CLIENT_ID, or the conformance suite's context."""
    context = json.loads(os.environ.get("MCP_CONFORMANCE_CONTEXT") or "{}")
    return os.environ.get("MCP_OAUTH_CLIENT_ID") or context.get("client_id"), context.get("client_secret")


class MemoryStorage(TokenStorage):
    """Tokens and client registration for one session only: every trial starts unauthorized."""

    def __init__(self, client_id, client_secret, redirect_uri: str):
        self.tokens = None
        self.client = (
            OAuthClientInformationFull(
                client_id=client_id,
                client_secret=client_secret,
                redirect_uris=[redirect_uri],
                # RFC 7591's default for a client with a secret.
                token_endpoint_auth_method="client_secret_basic" if client_secret else "none",
            )
            if client_id
            else None
        )

    async def get_tokens(self):
        return self.tokens

    async def set_tokens(self, tokens) -> None:
        self.tokens = tokens

    async def get_client_info(self):
        return self.client

    async def set_client_info(self, client_info) -> None:
        self.client = client_info


class Callback:
    """A one-shot loopback HTTP server for the authorization redirect (RFC 8252 §7.3)."""

    def __init__(self):
        self.result: asyncio.Future | None = None
        self.server: asyncio.base_events.Server | None = None
        self.port = 0

    async def start(self) -> None:
        self.result = asyncio.get_running_loop().create_future()
        self.server = await asyncio.start_server(self.handle, "127.0.0.1", 0)
        self.port = self.server.sockets[0].getsockname()[1]

    @property
    def uri(self) -> str:
        return f"http://127.0.0.1:{self.port}/callback"

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        line = (await reader.readline()).decode("latin-1")
        target = line.split(" ")[1] if line.count(" ") >= 2 else "/"
        query = parse_qs(urlparse(target).query)
        writer.write(b"HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: 2\r\nconnection: close\r\n\r\nok")
        await writer.drain()
        writer.close()
        if "code" in query and self.result and not self.result.done():
            code, state = query["code"][0], query.get("state", [None])[0]
            self.result.set_result(
                AuthorizationCodeResult(code=code, state=state, iss=query.get("iss", [None])[0])
                if AuthorizationCodeResult
                else (code, state)
            )

    async def wait(self):
        assert self.result is not None
        return await asyncio.wait_for(self.result, timeout=30)


async def open_in_browser(url: str) -> None:
    """The authorization step: the harness's headless browser follows the redirects to our callback."""
    browser = os.environ.get("BROWSER")
    if not browser:
        raise RuntimeError("no BROWSER in the environment to open the authorization URL with")
    process = await asyncio.create_subprocess_exec(browser, url, stdout=subprocess.DEVNULL)
    await process.wait()


def grant_provider(url: str):
    """The SDK's provider for a grant without a user (MCP_OAUTH_GRANT), as its docs show; None without one."""
    grant = json.loads(os.environ.get("MCP_OAUTH_GRANT") or "null")
    if not grant:
        return None
    storage = MemoryStorage(None, None, "http://127.0.0.1/callback")
    if grant["grant"] == "client-credentials-basic" and ClientCredentialsOAuthProvider:
        return ClientCredentialsOAuthProvider(
            server_url=url, storage=storage, client_id=grant["clientId"], client_secret=grant["clientSecret"]
        )
    if grant["grant"] == "client-credentials-jwt" and PrivateKeyJWTOAuthProvider:
        signed = SignedJWTParameters(
            issuer=grant["clientId"],
            subject=grant["clientId"],
            signing_key=grant["privateKeyPem"],
            signing_algorithm=grant["signingAlg"],
        )
        return PrivateKeyJWTOAuthProvider(
            server_url=url,
            storage=storage,
            client_id=grant["clientId"],
            assertion_provider=signed.create_assertion_provider(),
        )
    raise RuntimeError(f"this mcp release cannot be told the {grant['grant']} grant")


async def session(url: str) -> None:
    headers = json.loads(os.environ.get("MCP_HEADERS") or "{}")
    transport = os.environ.get("MCP_TRANSPORT", "streamable-http")
    callback = Callback()
    await callback.start()
    # A Client ID Metadata Document URL where the release takes one (the 2026-07-28 default): the
    # SDK uses it where the authorization server advertises support, else registers dynamically.
    metadata_url = (
        {"client_metadata_url": CLIENT_METADATA_URL}
        if OAuthClientProvider is not None
        and "client_metadata_url" in inspect.signature(OAuthClientProvider.__init__).parameters
        else {}
    )
    auth = None if OAuthClientProvider is None or os.environ.get("MCP_OAUTH") == "none" else grant_provider(url) or OAuthClientProvider(
        **metadata_url,
        server_url=url,
        client_metadata=OAuthClientMetadata(
            client_name="mcp-auth-harness python-sdk client",
            redirect_uris=[callback.uri],
            grant_types=["authorization_code", "refresh_token"],
            response_types=["code"],
            token_endpoint_auth_method="none",
        ),
        storage=MemoryStorage(*preregistered(), callback.uri),
        redirect_handler=open_in_browser,
        callback_handler=callback.wait,
    )
    with_auth = {} if auth is None else {"auth": auth}
    if transport == "sse":
        streams = sse_client(url, headers=headers, **with_auth)
    elif streamable_http_client and create_mcp_http_client:
        streams = streamable_http_client(url, http_client=create_mcp_http_client(headers=headers, **with_auth))
    elif streamablehttp_client:
        streams = streamablehttp_client(url, headers=headers, **with_auth)
    else:
        raise RuntimeError("this mcp release has no Streamable HTTP client (it came in 1.8)")
    async with streams as (read, write, *_):
        async with ClientSession(read, write) as client:
            await client.initialize()
            tools = (await client.list_tools()).tools
            for _ in range(3 if tools else 0):
                await client.call_tool(tools[0].name, {})


def session_loop() -> int:
    """MCP_SESSION_LOOP=1: one session per line on stdin, each with fresh SDK objects and event loop.

    A line is `{"session": N, "url": URL, "env": {...}}`: the variables a process started for that
    one trial would get, applied for the session (the previous session's others unset). Each
    session's end is one line on stdout: `{"session": N, "ok": true}` or `{..., "ok": false, "error": ...}`.
    """
    print(json.dumps({"ready": True}), flush=True)
    previous: set[str] = set()
    while line := sys.stdin.readline():
        if not line.strip():
            continue
        request = json.loads(line)
        env = request.get("env") or {}
        for name in previous - env.keys():
            os.environ.pop(name, None)
        os.environ.update(env)
        previous = set(env)
        answer = {"session": request["session"], "ok": True}
        try:
            asyncio.run(session(request["url"]))
        except BaseException as error:  # an ExceptionGroup from anyio's task groups included
            answer = {"session": request["session"], "ok": False, "error": f"{type(error).__name__}: {error}"}
        print(json.dumps(answer), flush=True)
    return 0


def main() -> int:
    if os.environ.get("MCP_SESSION_LOOP") == "1":
        return session_loop()
    if len(sys.argv) < 2 or not sys.argv[-1].startswith(("http://", "https://")):
        print("usage: client.py URL   (the MCP server URL is the last argument)", file=sys.stderr)
        return 2
    try:
        asyncio.run(session(sys.argv[-1]))
    except BaseException as error:  # an ExceptionGroup from anyio's task groups included
        print(f"session failed: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
