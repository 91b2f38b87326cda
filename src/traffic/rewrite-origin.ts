/**
 * An origin as it is written in the places a proxy must rewrite: as is, percent-encoded (a
 * `resource` form or query parameter, either hex case), and JSON with escaped slashes.
 */
function originForms(origin: string): string[] {
  const percent = encodeURIComponent(origin)
  // Same order for every origin, so `from`'s forms map onto `to`'s one for one.
  return [origin, percent, percent.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()), origin.replaceAll('/', '\\/')]
}

/** `text` with `from` replaced by `to` in each of the forms an origin is written in. */
export function rewriteOriginInText(text: string, from: string, to: string): string {
  if (from === to) return text
  const targets = originForms(to)
  return originForms(from).reduce((out, form, i) => out.split(form).join(targets[i] ?? to), text)
}

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
