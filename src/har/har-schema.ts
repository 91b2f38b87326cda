import { z } from 'zod'
import { HEADER_NAME } from '../spec/header-value.js'

/** A header as HTTP can carry it (an HTTP/2 pseudo-header is dropped on import): a bad one would fail only when served. */
const nameValue = z.object({
  name: z.string().refine((name) => name.startsWith(':') || HEADER_NAME.test(name), 'not a header name'),
  value: z.string().refine((value) => !/[\r\n\0]/.test(value), 'a header value with a line break or NUL'),
})

/**
 * HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/) as far as an MCP session needs it. Required
 * fields are required; everything else browsers, mitmproxy or Charles add passes through untouched.
 */
export const harSchema = z.object({
  log: z
    .object({
      version: z.string(),
      creator: z.object({ name: z.string(), version: z.string() }),
      entries: z.array(
        z
          .object({
            startedDateTime: z.string(),
            time: z.number(),
            request: z
              .object({
                method: z.string().min(1),
                url: z.url(),
                httpVersion: z.string(),
                headers: z.array(nameValue),
                queryString: z.array(nameValue),
                cookies: z.array(z.unknown()),
                headersSize: z.number(),
                bodySize: z.number(),
                postData: z.object({ mimeType: z.string(), text: z.string().optional() }).loose().optional(),
              })
              .loose(),
            response: z
              .object({
                status: z.number().int().min(100).max(599),
                statusText: z.string(),
                httpVersion: z.string(),
                headers: z.array(nameValue),
                cookies: z.array(z.unknown()),
                content: z
                  .object({
                    size: z.number(),
                    mimeType: z.string(),
                    text: z.string().optional(),
                    encoding: z.string().optional(),
                  })
                  .loose(),
                redirectURL: z.string(),
                headersSize: z.number(),
                bodySize: z.number(),
              })
              .loose(),
            cache: z.object({}).loose(),
            timings: z.object({ send: z.number(), wait: z.number(), receive: z.number() }).loose(),
            /** Our extension (HAR allows `_` fields): what HAR cannot hold, so our own files round-trip exactly. */
            _mcpAuthHarness: z
              .object({
                seq: z.number().optional(),
                order: z.object({ request: z.number(), response: z.number().optional() }).optional(),
                events: z
                  .array(
                    z.object({
                      event: z.string().optional(),
                      data: z.string(),
                      id: z.string().optional(),
                      retry: z.number().optional(),
                      atMs: z.number(),
                    }),
                  )
                  .optional(),
                error: z.string().optional(),
              })
              .optional(),
          })
          .loose(),
      ),
    })
    .loose(),
})

export type Har = z.infer<typeof harSchema>
export type HarEntry = Har['log']['entries'][number]
