/**
 * The plumbing both fake services share: a loopback `node:http` server that logs every request,
 * reads its body, and lets the service answer, drop, reset or hang it, with the simulator-wide
 * delay applied in one place.
 */
import http from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import type { LoggedRequest, ServiceName } from './log.js'

/** Bodies above this are refused with 413: far above GitHub's 48 KB secrets, far below memory trouble. */
const MAX_BODY_BYTES = 1024 * 1024

export type Headers = Record<string, string>

/** How a message can break after its headers (see `Exchange.respondBroken`). */
export type BrokenMessage = 'no-last-chunk' | 'short-content' | 'reset-after-body'

/** An answer a test writes by hand (hostile servers): a string body is sent as is, anything else as JSON. */
export interface CustomReply {
  status: number
  headers?: Headers
  body?: unknown
}

/** One request as the services see it; every way of ending it goes through here so it is logged. */
export class Exchange {
  readonly method: string
  /** Path after the service's prefix, still percent-encoded, without the query. */
  readonly path: string
  readonly query: URLSearchParams
  readonly headers: http.IncomingHttpHeaders
  private finished = false

  constructor(
    private readonly req: http.IncomingMessage,
    private readonly res: http.ServerResponse,
    readonly body: Buffer,
    private readonly entry: LoggedRequest,
    private readonly delay: () => Promise<void>,
    /** Headers every answer of this service carries (Box's own Date), before the answer's own. */
    private readonly serviceHeaders: () => Headers,
    path: string,
    query: URLSearchParams
  ) {
    this.method = req.method ?? 'GET'
    this.headers = req.headers
    this.path = path
    this.query = query
    // A request that is never answered (hung, or cut off by close() during a delay) still gets
    // an end time: when the client gave up or the server closed the connection.
    res.once('close', () => {
      this.entry.endedAt ??= now()
    })
  }

  /** The first value of a request header (lower-case name), or undefined. */
  header(name: string): string | undefined {
    const value = this.headers[name]
    return Array.isArray(value) ? value[0] : value
  }

  async respond(status: number, headers: Headers, body?: string): Promise<void> {
    if (!this.claim()) return
    await this.delay()
    const payload = body === undefined || status === 204 ? undefined : Buffer.from(body)
    const allHeaders: Headers = { ...this.serviceHeaders(), ...headers }
    if (payload) allHeaders['content-length'] = String(payload.length)
    // The client may have given up during the delay; the answer is then simply lost.
    if (!this.res.destroyed) {
      this.res.writeHead(status, allHeaders)
      this.res.end(payload)
    }
    this.end(status)
  }

  respondCustom(reply: CustomReply): Promise<void> {
    if (reply.body === undefined || typeof reply.body === 'string')
      return this.respond(reply.status, reply.headers ?? {}, reply.body as string | undefined)
    return this.respondJson(reply.status, reply.body, reply.headers)
  }

  respondJson(status: number, body: unknown, headers: Headers = {}): Promise<void> {
    return this.respond(status, { 'content-type': 'application/json; charset=utf-8', ...headers }, JSON.stringify(body))
  }

  /**
   * Answer with a status line, headers and the first `body.length` bytes, then break the message
   * the way `how` says: `no-last-chunk` (chunked, the terminating chunk never comes),
   * `short-content` (a Content-Length larger than what is sent; the rest never comes), or
   * `reset-after-body` (chunked, then the connection is reset). The socket stays open for the first
   * two until the client gives up or the server closes.
   */
  async respondBroken(status: number, headers: Headers, body: string, how: BrokenMessage): Promise<void> {
    if (!this.claim()) return
    await this.delay()
    if (this.res.destroyed) return this.end(status)
    const payload = Buffer.from(body)
    const allHeaders: Headers = { ...this.serviceHeaders(), ...headers }
    if (how === 'short-content') allHeaders['content-length'] = String(payload.length + 64)
    this.res.writeHead(status, allHeaders)
    this.res.write(payload)
    if (how === 'reset-after-body') setImmediate(() => this.req.socket.resetAndDestroy())
    this.end(status)
  }

  /** Destroy the socket without answering, after the usual delay. */
  async destroySocket(outcome: 'dropped' | 'reset'): Promise<void> {
    if (!this.claim()) return
    await this.delay()
    this.req.socket.destroy()
    this.end(outcome)
  }

  /** Never answer. The socket stays open until the client gives up or the server closes. */
  hang(): void {
    if (!this.claim()) return
    this.entry.status = 'hung'
  }

  /** Guards against a service ending one request twice (a bug in the simulator, not the client). */
  private claim(): boolean {
    if (this.finished) return false
    this.finished = true
    return true
  }

  private end(outcome: LoggedRequest['status']): void {
    this.entry.status = outcome
    this.entry.endedAt = now()
  }
}

export interface ServiceServerOptions {
  service: ServiceName
  /** Shared, arrival-ordered log; entries are pushed when the request headers arrive. */
  log: LoggedRequest[]
  delayMs: number
  /** Requests outside this prefix get a plain 404 (logged with their full path); '' accepts all. */
  pathPrefix?: string
  /** Headers every answer carries, computed per answer (e.g. a Date from the service's own clock). */
  headers?: () => Headers
  handle: (exchange: Exchange) => Promise<void>
}

export interface ServiceServer {
  /** http://127.0.0.1:PORT, without the prefix. */
  origin: string
  close(): Promise<void>
}

export async function startServiceServer(options: ServiceServerOptions): Promise<ServiceServer> {
  const sockets = new Set<Socket>()
  const timers = new Set<NodeJS.Timeout>()
  const prefix = options.pathPrefix ?? ''

  // A delay that close() can cancel, so a pending delayed answer never keeps jest alive.
  // Even without delayMs the answer waits for the next turn of the event loop: requests sent
  // together are then all seen to arrive before any is answered, as parallel requests are.
  const delay = (): Promise<void> => {
    if (options.delayMs <= 0) return new Promise((resolve) => setImmediate(resolve))
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer)
        resolve()
      }, options.delayMs)
      timers.add(timer)
    })
  }

  const server = http.createServer((req, res) => {
    void serve(req, res)
  })

  async function serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    res.on('error', () => {}) // a client that vanished is not the simulator's problem
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const inPrefix = prefix === '' || url.pathname === prefix || url.pathname.startsWith(prefix + '/')
    const path = inPrefix ? url.pathname.slice(prefix.length) || '/' : url.pathname
    const entry: LoggedRequest = {
      service: options.service,
      method: req.method ?? 'GET',
      path,
      status: 'pending',
      startedAt: now()
    }
    options.log.push(entry)

    const body = await readBody(req)
    const serviceHeaders = options.headers ?? (() => ({}))
    const exchange = new Exchange(
      req,
      res,
      body ?? Buffer.alloc(0),
      entry,
      delay,
      serviceHeaders,
      path,
      url.searchParams
    )
    try {
      if (body === undefined) await exchange.respondJson(413, { message: 'Request body too large' })
      else if (!inPrefix) await exchange.respondJson(404, { message: 'Not Found' })
      else await options.handle(exchange)
    } catch (error) {
      // A bug in the simulator must surface as a loud 500, never as a silent hang.
      console.error(`simulator ${options.service} ${entry.method} ${path}:`, error)
      await exchange.respondJson(500, { message: `simulator error: ${String(error)}` })
    }
  }

  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo

  return {
    origin: `http://127.0.0.1:${port}`,
    close: async () => {
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        // Kill hung requests and idle keep-alive sockets, or server.close() would wait for them.
        for (const socket of sockets) socket.destroy()
      })
      // Requests never answered (hung, or cut off in their delay) end now.
      const closedAt = now()
      for (const entry of options.log) if (entry.service === options.service) entry.endedAt ??= closedAt
    }
  }
}

/** The whole body, or undefined when it exceeds MAX_BODY_BYTES. */
async function readBody(req: http.IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = []
  let size = 0
  try {
    for await (const chunk of req) {
      size += (chunk as Buffer).length
      if (size > MAX_BODY_BYTES) return undefined
      chunks.push(chunk as Buffer)
    }
  } catch {
    // The client aborted mid-body; whatever arrived is all there is.
  }
  return Buffer.concat(chunks)
}

/**
 * Epoch milliseconds with a fraction (the monotonic clock from the process's time origin):
 * comparable with Date.now(), but two events in the same millisecond keep their order, which
 * tests that group requests into rounds by time rely on.
 */
export function now(): number {
  return performance.timeOrigin + performance.now()
}

/** ISO 8601 without milliseconds, as GitHub writes timestamps: 2026-11-26T14:05:00Z. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}
