import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js'
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'

/**
 * The same session as a trial (initialize, tools/list, tools/call, close) between the SDK client
 * and the SDK server over `InMemoryTransport`: no HTTP, no interception, no checks. The ceiling.
 */
export async function inMemorySession(): Promise<void> {
  const server = new McpServer({ name: 'baseline', version: '0.1.0' })
  server.registerTool('echo', { description: 'Echoes its input back' }, () => ({ content: [{ type: 'text', text: '{}' }] }))
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair()
  const client = new Client({ name: 'baseline', version: '0.1.0' })
  await Promise.all([server.connect(serverSide), client.connect(clientSide)])
  const { tools } = await client.listTools()
  if (tools[0]) await client.callTool({ name: tools[0].name, arguments: {} })
  await client.close()
  await server.close()
}
