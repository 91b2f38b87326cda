import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js'
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js'
import { z } from 'zod'

/**
 * A real MCP server from the SDK on a 127.0.0.1 port, as a user would run one: Streamable HTTP at
 * /mcp, legacy HTTP+SSE at /sse + /messages, every route behind an X-API-Key check (401 JSON).
 */
export interface RunningSdkServer {
  origin: string
  apiKey: string
  close(): Promise<void>
}

function mcpServer(): McpServer {
  const server = new McpServer({ name: 'sdk-test-server', version: '1.0.0' })
  server.registerTool('echo', { description: 'Echoes its input', inputSchema: { text: z.string().optional() } }, ({ text }) => ({
    content: [{ type: 'text', text: text ?? '' }],
  }))
  return server
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const text = Buffer.concat(chunks).toString('utf8')
  return text === '' ? undefined : JSON.parse(text)
}

export async function startSdkServer(apiKey = `key-${randomUUID()}`): Promise<RunningSdkServer> {
  const streamable = new Map<string, StreamableHTTPServerTransport>()
  const legacy = new Map<string, SSEServerTransport>()

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (req.headers['x-api-key'] !== apiKey) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"detail":"Missing or invalid API key"}')
      return
    }
    if (url.pathname === '/mcp') {
      const body = req.method === 'POST' ? await readJson(req) : undefined
      const id = req.headers['mcp-session-id']
      let transport = typeof id === 'string' ? streamable.get(id) : undefined
      if (!transport) {
        transport = new StreamableHTTPServerTransport({
          sessionIdGenerator: () => randomUUID(),
          onsessioninitialized: (sessionId) => void streamable.set(sessionId, transport!),
        })
        await mcpServer().connect(transport)
      }
      await transport.handleRequest(req, res, body)
      return
    }
    if (url.pathname === '/sse' && req.method === 'GET') {
      const transport = new SSEServerTransport('/messages', res)
      legacy.set(transport.sessionId, transport)
      res.on('close', () => legacy.delete(transport.sessionId))
      await mcpServer().connect(transport)
      return
    }
    if (url.pathname === '/messages' && req.method === 'POST') {
      const transport = legacy.get(url.searchParams.get('sessionId') ?? '')
      if (!transport) return void res.writeHead(404).end('unknown session')
      await transport.handlePostMessage(req, res, await readJson(req))
      return
    }
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"detail":"Not Found"}')
  }

  const server: Server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(error))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    apiKey,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
