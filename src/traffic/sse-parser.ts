import type { SseEvent } from './exchange.js'

/**
 * Incremental `text/event-stream` parser (WHATWG HTML §9.2.6): feed it decoded text chunks,
 * it returns the events completed so far. Comments and empty dispatches are dropped.
 */
export class SseParser {
  private buffer = ''
  private current: { event?: string; data: string[]; id?: string; retry?: number } = { data: [] }

  push(chunk: string, atMs: number): SseEvent[] {
    this.buffer += chunk
    const events: SseEvent[] = []
    let newline: number
    while ((newline = this.buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = this.buffer.slice(0, newline)
      const width = this.buffer.startsWith('\r\n', newline) ? 2 : 1
      this.buffer = this.buffer.slice(newline + width)
      const event = this.line(line, atMs)
      if (event) events.push(event)
    }
    return events
  }

  private line(line: string, atMs: number): SseEvent | undefined {
    if (line === '') return this.dispatch(atMs)
    if (line.startsWith(':')) return undefined
    const colon = line.indexOf(':')
    const field = colon < 0 ? line : line.slice(0, colon)
    let value = colon < 0 ? '' : line.slice(colon + 1)
    if (value.startsWith(' ')) value = value.slice(1)
    if (field === 'data') this.current.data.push(value)
    else if (field === 'event') this.current.event = value
    else if (field === 'id') this.current.id = value
    else if (field === 'retry' && /^\d+$/.test(value)) this.current.retry = Number(value)
    return undefined
  }

  private dispatch(atMs: number): SseEvent | undefined {
    const { event, data, id, retry } = this.current
    this.current = { data: [] }
    if (data.length === 0 && event === undefined && id === undefined && retry === undefined) return undefined
    const out: SseEvent = { data: data.join('\n'), atMs }
    if (event !== undefined) out.event = event
    if (id !== undefined) out.id = id
    if (retry !== undefined) out.retry = retry
    return out
  }
}
