// A mock on a local port is for local clients. A web page can reach 127.0.0.1 too (a form post, a
// DNS-rebound name), so requests whose Host or Origin is not this machine are refused: the MCP spec
// asks local servers to validate Origin (transports, "Security Warning").

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1'])

function isLocalName(hostname: string, listenHost: string): boolean {
  const name = hostname.toLowerCase()
  return (
    LOOPBACK_NAMES.has(name) ||
    /^127(\.\d{1,3}){3}$/.test(name) ||
    name.endsWith('.localhost') ||
    name === listenHost.toLowerCase()
  )
}

/**
 * Why `request` is not from a local client (its Host or Origin names another machine), or
 * undefined. `listenHost` is the address the server was bound to, which is local by definition.
 *
 * @example
 * const problem = foreignRequestProblem(request, '127.0.0.1')
 * if (problem) return new Response(problem, { status: 403 })
 */
export function foreignRequestProblem(request: Request, listenHost: string): string | undefined {
  const host = request.headers.get('host')
  if (host !== null) {
    let hostname: string
    try {
      hostname = new URL(`http://${host}`).hostname
    } catch {
      // A Host that is no host at all is not a local client's.
      return 'forbidden: the Host header is not a host name'
    }
    if (!isLocalName(hostname, listenHost))
      return `forbidden: Host ${hostname} is not this machine (a local mock answers local clients only)`
  }
  const origin = request.headers.get('origin')
  if (origin !== null) {
    let hostname: string | undefined
    try {
      hostname = new URL(origin).hostname
    } catch {
      // `Origin: null` (a sandboxed or file: page) names no origin to trust.
      hostname = undefined
    }
    if (hostname === undefined || !isLocalName(hostname, listenHost))
      return `forbidden: Origin ${origin.slice(0, 100)} is not this machine (a local mock answers local clients only)`
  }
  return undefined
}
