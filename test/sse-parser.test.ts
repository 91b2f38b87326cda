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

  it('drops empty dispatches and keeps a field without a colon as an empty value', () => {
    const parser = new SseParser()
    expect(parser.push('\n\ndata\n\n', 0)).toEqual([{ data: '', atMs: 0 }])
  })
})
