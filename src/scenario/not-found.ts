import type { NotFoundStyle } from '../core/scenario.js'

/**
 * The 404 every unknown path gets, well-known URIs and /register included: a JSON body
 * shaped like FastAPI's (the seed report) or an HTML page like most web servers'.
 */
export function notFound(style: NotFoundStyle): Response {
  if (style === '404-json') {
    return new Response(JSON.stringify({ detail: 'Not Found' }), {
      status: 404,
      headers: { 'content-type': 'application/json' },
    })
  }
  return new Response('<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>', {
    status: 404,
    headers: { 'content-type': 'text/html; charset=utf-8' },
  })
}
