import { describe, expect, it } from 'vitest'
import type { ClientConfig } from '../src/core/client-config.js'
import { claudeFormat } from '../src/config/formats/claude-format.js'
import { ConfigFormatError } from '../src/config/formats/config-format.js'
import { cursorFormat } from '../src/config/formats/cursor-format.js'
import { headerFileFormat } from '../src/config/formats/header-file-format.js'
import { inspectorFormat } from '../src/config/formats/inspector-format.js'
import { jsonFormat } from '../src/config/formats/json-format.js'
import { CONFIG_FORMATS } from '../src/config/formats/registry.js'
import { vscodeFormat } from '../src/config/formats/vscode-format.js'

const SAMPLES: ClientConfig[] = [
  { transport: 'streamable-http', url: 'https://api.example.com/mcp', headers: { 'X-API-Key': 'k1' } },
  { transport: 'sse', url: 'https://api.example.com/mcp/sse', headers: { Authorization: 'Bearer t', 'x-tenant': 'acme' } },
]

describe('config formats', () => {
  for (const format of CONFIG_FORMATS.filter((f) => f.read)) {
    it(`${format.name}: what is written reads back the same`, () => {
      for (const config of SAMPLES)
        expect(format.read!(JSON.parse(format.render(config, 'harness'))).map((s) => s.config)).toEqual([config])
    })
  }

  it('claude: the examples from the Claude Code docs (.mcp.json with type http and sse)', () => {
    const doc = {
      mcpServers: {
        'remote-api': { type: 'sse', url: 'https://api.example.com/mcp/sse', headers: { Authorization: 'Bearer ${API_TOKEN}' } },
        'http-service': { type: 'http', url: 'https://api.example.com/mcp', headers: { 'X-API-Key': '${API_KEY}' } },
        filesystem: { command: 'npx', args: ['@modelcontextprotocol/server-filesystem'] },
      },
    }
    expect(claudeFormat.read!(doc)).toEqual([
      {
        name: 'remote-api',
        config: { transport: 'sse', url: 'https://api.example.com/mcp/sse', headers: { Authorization: 'Bearer ${API_TOKEN}' } },
      },
      {
        name: 'http-service',
        config: { transport: 'streamable-http', url: 'https://api.example.com/mcp', headers: { 'X-API-Key': '${API_KEY}' } },
      },
    ])
    expect(JSON.parse(claudeFormat.render(SAMPLES[0]!, 'http-service'))).toEqual({
      mcpServers: { 'http-service': { type: 'http', url: 'https://api.example.com/mcp', headers: { 'X-API-Key': 'k1' } } },
    })
  })

  it('vscode: the shape of the VS Code MCP configuration reference (servers, type, inputs)', () => {
    const doc = {
      inputs: [{ type: 'promptString', id: 'api-key', description: 'API Key', password: true }],
      servers: {
        github: {
          type: 'http',
          url: 'https://api.githubcopilot.com/mcp/',
          headers: { Authorization: 'Bearer ${input:api-key}' },
        },
        legacy: { type: 'sse', url: 'https://example.test/sse' },
        memory: { type: 'stdio', command: 'npx', args: ['-y', '@modelcontextprotocol/server-memory'] },
      },
    }
    expect(vscodeFormat.read!(doc)).toEqual([
      {
        name: 'github',
        config: {
          transport: 'streamable-http',
          url: 'https://api.githubcopilot.com/mcp/',
          headers: { Authorization: 'Bearer ${input:api-key}' },
        },
      },
      { name: 'legacy', config: { transport: 'sse', url: 'https://example.test/sse', headers: {} } },
    ])
  })

  it('cursor: remote servers as vendors document them (url and headers, no type)', () => {
    const doc = {
      mcpServers: {
        'geonode-scraper': { url: 'https://scraper.geonode.io/mcp', headers: { 'X-Api-Key': 'YOUR_API_KEY' } },
        userjot: { url: 'https://api.userjot.com/v1/mcp', headers: { Authorization: 'Bearer ${env:USERJOT_API_TOKEN}' } },
        old: { url: 'https://example.test/sse' },
      },
    }
    expect(cursorFormat.read!(doc).map((s) => [s.name, s.config.transport])).toEqual([
      ['geonode-scraper', 'streamable-http'],
      ['userjot', 'streamable-http'],
      ['old', 'sse'],
    ])
    expect(JSON.parse(cursorFormat.render(SAMPLES[0]!, 's'))).toEqual({
      mcpServers: { s: { url: SAMPLES[0]!.url, headers: { 'X-API-Key': 'k1' } } },
    })
  })

  it('inspector and header-file: the MCP Inspector --config file and mcp-remote --header-file', () => {
    expect(JSON.parse(inspectorFormat.render(SAMPLES[1]!, 'harness')).mcpServers.harness.type).toBe('sse')
    expect(headerFileFormat.render(SAMPLES[1]!, 'x')).toBe('Authorization: Bearer t\nx-tenant: acme\n')
    expect(JSON.parse(jsonFormat.render(SAMPLES[0]!, 'x'))).toEqual(SAMPLES[0])
  })

  it('a bad entry names its JSON path', () => {
    const read = (doc: unknown) => () => claudeFormat.read!(doc)
    expect(read({ servers: {} })).toThrow(new ConfigFormatError('$.mcpServers', 'expected an object of servers'))
    expect(read({ mcpServers: { a: { type: 'websocket', url: 'https://x.test' } } })).toThrow(
      /\$\.mcpServers\["a"\]\.type: expected "http" or "sse"/,
    )
    expect(read({ mcpServers: { a: { type: 'http', url: 'https://x.test', headers: { k: 1 } } } })).toThrow(
      /\$\.mcpServers\["a"\]\.headers/,
    )
  })
})
