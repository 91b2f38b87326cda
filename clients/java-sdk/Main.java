// The official Java SDK (io.modelcontextprotocol.sdk:mcp) as a `cmd:` client of mcp-auth-harness.
//
// It speaks the harness's command contract: the MCP server URL is the last argument; MCP_TRANSPORT and
// MCP_HEADERS (the configured headers as JSON) come in the environment. It runs the standard session
// with the SDK's synchronous client as its docs show: HttpClientStreamableHttpTransport or
// HttpClientSseClientTransport, the configured headers added by a request customizer (addHttpRequestCustomizer), then
// initialize, tools/list, up to three tools/call, close. The SDK has no OAuth client of its own (only a
// hook for 401s), so an OAuth server ends the session with its error: a reported outcome, not a pass.
// Exit 0 when the session completed, 1 (the error on stderr) when it failed. With MCP_SESSION_LOOP=1 it
// runs many sessions instead, one per line on stdin (sessionLoop): a JVM started once, fresh SDK objects each time.

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.customizer.McpSyncHttpClientRequestCustomizer;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

public class Main {
  public static void main(String[] args) throws Exception {
    if ("1".equals(System.getenv("MCP_SESSION_LOOP"))) {
      sessionLoop();
      System.exit(0);
    }
    if (args.length < 1 || !args[args.length - 1].matches("^https?://.*")) {
      System.err.println("usage: Main URL   (the MCP server URL is the last argument)");
      System.exit(2);
    }
    try {
      session(URI.create(args[args.length - 1]), System.getenv());
    } catch (Throwable error) {
      System.err.println("session failed: " + error);
      System.exit(1);
    }
    System.exit(0);
  }

  // One session per stdin line, {"session": N, "url": URL, "env": {...}}: the variables a process started
  // for that one trial would get (a JVM cannot change its own environment, so they are handed to the
  // session). Each session's end is one stdout line, {"session": N, "ok": true} or {..., "ok": false, "error": ...}.
  static void sessionLoop() throws Exception {
    ObjectMapper json = new ObjectMapper();
    System.out.println("{\"ready\":true}");
    System.out.flush();
    BufferedReader lines = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (line.isBlank()) continue;
      Map<String, Object> request = json.readValue(line, new TypeReference<Map<String, Object>>() {});
      @SuppressWarnings("unchecked")
      Map<String, String> env = (Map<String, String>) request.getOrDefault("env", Map.of());
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("session", request.get("session"));
      try {
        session(URI.create(String.valueOf(request.get("url"))), env);
        answer.put("ok", true);
      } catch (Throwable error) {
        answer.put("ok", false);
        answer.put("error", String.valueOf(error));
      }
      System.out.println(json.writeValueAsString(answer));
      System.out.flush();
    }
  }

  // The constructors and the SSE transport deprecated in 2.x are the ones 1.x also has: one adapter for both.
  @SuppressWarnings("deprecation")
  static void session(URI url, Map<String, String> env) {
    String raw = env.getOrDefault("MCP_HEADERS", "{}");
    Map<String, String> headers = new ObjectMapper().readValue(raw.isEmpty() ? "{}" : raw, new TypeReference<Map<String, String>>() {});
    McpSyncHttpClientRequestCustomizer addHeaders = (builder, method, endpoint, body, context) -> headers.forEach(builder::header);
    String base = url.getScheme() + "://" + url.getRawAuthority();
    String path = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
        + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
    McpClientTransport transport = "sse".equals(env.get("MCP_TRANSPORT"))
        ? HttpClientSseClientTransport.builder(base).sseEndpoint(path).addHttpRequestCustomizer(addHeaders).build()
        : HttpClientStreamableHttpTransport.builder(base).endpoint(path).addHttpRequestCustomizer(addHeaders).build();
    McpSyncClient client = McpClient.sync(transport)
        .clientInfo(new McpSchema.Implementation("mcp-auth-harness java-sdk client", "1.0.0"))
        .requestTimeout(Duration.ofSeconds(20))
        .build();
    try {
      client.initialize();
      var tools = client.listTools().tools();
      for (int i = 0; i < 3 && !tools.isEmpty(); i++) client.callTool(new McpSchema.CallToolRequest(tools.get(0).name(), Map.of()));
    } finally {
      client.closeGracefully();
    }
  }
}
