import { describe, expect, it } from 'vitest'
import { SseParser } from '../src/traffic/sse-parser.js'

describe('SseParser', () => {
  it('parses events split across chunks, with multi-line data, ids and retry', () => {
    const parser = new SseParser()
    expect(parser.push('event: endpoint\nda', 1)).toEqual([])
    expect(parser.push('ta: /messages?sessionId=1\n\n', 2)).toEqual([
      { event: 'endpoint', data: '/messages?sessionId=1', atMs: 2 },
    ])
    expect(parser.push(': comment\r\nid: 7\r\nretry: 500\r\ndata: a\r\ndata: b\r\n\r\n', 3)).toEqual([
      { data: 'a\nb', id: '7', retry: 500, atMs: 3 },
    ])
  })

  it('keeps a field without a colon as an empty value and ignores empty blocks', () => {
    const parser = new SseParser()
    expect(parser.push('\n\ndata\n\n', 0)).toEqual([{ data: '', atMs: 0 }])
  })

  // Failed with the hand-written parser: "\r" at a chunk end and "\n" at the next start were two
  // line ends, so the block was dispatched early without its event and id.
  it('reads a CRLF split across chunks as one line end', () => {
    const parser = new SseParser()
    expect(parser.push('event: message\r', 0)).toEqual([])
    expect(parser.push('\nid: 42\r', 1)).toEqual([])
    expect(parser.push('\ndata: {}\r', 2)).toEqual([])
    expect(parser.push('\n\r', 3)).toEqual([{ event: 'message', id: '42', data: '{}', atMs: 3 }])
  })

  it('reports a block with only an id or a retry: a client resumes from it', () => {
    const parser = new SseParser()
    expect(parser.push('id: prime-1\n\nretry: 0\n\n', 5)).toEqual([
      { id: 'prime-1', data: '', atMs: 5 },
      { retry: 0, data: '', atMs: 5 },
    ])
  })

  it('parses a multi-byte character split across byte chunks', () => {
    const parser = new SseParser()
    const bytes = new TextEncoder().encode('data: é\n\n')
    expect(parser.push(bytes.slice(0, 7), 0)).toEqual([])
    expect(parser.push(bytes.slice(7), 1)).toEqual([{ data: 'é', atMs: 1 }])
  })
})
