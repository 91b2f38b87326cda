// The headless browser's one step, shared by `mcp-auth-harness browse` and the script a trial's
// client runs (`browser-main.ts`), which must start in milliseconds: it imports nothing else.

/** How long the headless browser waits for a page, as a user would before giving up. */
const BROWSE_TIMEOUT_MS = 15_000

/**
 * Opens `url` and follows its redirects, as a user's browser would, so an authorization server's
 * redirect with `code` and `state` reaches the client's own callback. Resolves with a line saying
 * where it ended; rejects with a one-line reason (a refused port, no answer) as a browser's error page.
 *
 * @example
 * await browseUrl('http://127.0.0.1:8001/authorize?…') // 'browsed http://127.0.0.1:8001/authorize → 200 at http://127.0.0.1:53121/callback'
 */
export async function browseUrl(url: string): Promise<string> {
  const where = (address: string) => `${new URL(address).origin}${new URL(address).pathname}`
  let response: Response
  try {
    response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(BROWSE_TIMEOUT_MS) })
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause
    const why =
      (error as Error).name === 'TimeoutError'
        ? `no answer within ${BROWSE_TIMEOUT_MS / 1000} s`
        : (cause?.code ?? cause?.message ?? (error as Error).message)
    throw new Error(`browse ${where(url)}: ${why}`, { cause: error })
  }
  await response.body?.cancel()
  return `browsed ${where(url)} → ${response.status} at ${where(response.url)}`
}
