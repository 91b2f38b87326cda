/** Replaces one origin by another in streamed text (SSE `endpoint` events, JSON bodies). */
export function rewriteOriginInStream(body: ReadableStream<Uint8Array>, from: string, to: string): ReadableStream<Uint8Array> {
  const decoder = new TextDecoder()
  const encoder = new TextEncoder()
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      // SSE servers write whole events per chunk, so an origin is not split across chunks in practice.
      transform: (chunk, controller) =>
        controller.enqueue(encoder.encode(decoder.decode(chunk, { stream: true }).split(from).join(to))),
    }),
  )
}

/** A response with `from` replaced by `to` in its header values and body. */
export function rewriteOriginInResponse(response: Response, from: string, to: string): Response {
  if (from === to) return response
  const headers = new Headers()
  response.headers.forEach((value, name) => headers.append(name, value.split(from).join(to)))
  headers.delete('content-length')
  const body = response.body ? rewriteOriginInStream(response.body, from, to) : null
  return new Response(body, { status: response.status, statusText: response.statusText, headers })
}
