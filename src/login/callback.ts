/**
 * The loopback end of the authorization-code flow: a one-shot HTTP server on 127.0.0.1 that waits
 * for Box to send the browser back with a code, the `state` that ties that answer to this login,
 * and the pages the browser shows.
 *
 * Only a request that carries this login's state is taken; any other (an old browser tab, a page
 * trying to push its own code) is refused and the wait goes on, so a forged request can never get
 * a code exchanged or stored. The request that brings the answer is sent on at once (303) to
 * RESULT_PATH, so the address bar and the tab's history never keep a URL with the code; that
 * request is held open until the command is done, so the tab shows the real outcome rather than
 * "received".
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { CALLBACK_PATH } from './options.js'

/** What Box sent back, for this login's state. */
export type AuthorizationAnswer =
  { kind: 'code'; code: string } | { kind: 'error'; error: string; description?: string }

export interface Page {
  ok: boolean
  title: string
  message: string
}

/** Where the browser is sent once the answer is taken: a URL with nothing in it, for the outcome. */
export const RESULT_PATH = `${CALLBACK_PATH}/result`
/** How long close() waits for the browser to follow the redirect to RESULT_PATH. */
const RESULT_WAIT_MS = 5_000

export interface CallbackServer {
  /** http://127.0.0.1:PORT/callback, with the port actually bound. */
  redirectUri: string
  /** The first answer that carries this login's state, or undefined after `timeoutMs` or a cancellation. */
  waitForAnswer(timeoutMs: number, cancel?: AbortSignal): Promise<AuthorizationAnswer | undefined>
  /** Shows `page` in the browser tab that brought the answer (if any), and stops listening. */
  close(page?: Page): Promise<void>
}

export class ListenError extends Error {
  constructor(
    readonly code: string | undefined,
    message: string
  ) {
    super(message)
    this.name = 'ListenError'
  }
}

/** 256 random bits, URL-safe: unguessable, and nothing in it needs encoding. */
export function newState(): string {
  return randomBytes(32).toString('base64url')
}

/** Constant-time, and hashing first makes the comparison independent of the received length too. */
export function sameState(expected: string, received: string): boolean {
  const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest()
  return timingSafeEqual(digest(expected), digest(received))
}

export function authorizeUrl(base: string, params: { clientId: string; redirectUri: string; state: string }): string {
  const url = new URL(base)
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: params.clientId,
    redirect_uri: params.redirectUri,
    state: params.state
  }).toString()
  return url.href
}

/**
 * Listens on 127.0.0.1:`port` (0: any free port). `onRefused` hears about each request that was
 * turned away, with the reason, so the terminal can say so.
 */
export async function startCallbackServer(
  port: number,
  state: string,
  onRefused: (reason: string) => void
): Promise<CallbackServer> {
  // Settled by the first request with the right state, even if it comes before anyone waits.
  let deliver: (answer: AuthorizationAnswer) => void = () => {}
  const answer = new Promise<AuthorizationAnswer>((resolve) => (deliver = resolve))
  let held: http.ServerResponse | undefined
  let heldArrived: () => void = () => {}
  const resultRequested = new Promise<void>((resolve) => (heldArrived = resolve))
  let taken = false

  const server = http.createServer((req, res) => {
    res.on('error', () => {}) // a browser that went away is not the command's problem
    // A request line such as `GET //` is no URL at all: it gets the 404 too, instead of an exception
    // that would end the command while Box's answer may be on its way.
    const url = URL.canParse(req.url ?? '/', 'http://127.0.0.1')
      ? new URL(req.url ?? '/', 'http://127.0.0.1')
      : undefined
    if (req.method === 'GET' && url?.pathname === RESULT_PATH && taken && held === undefined) {
      held = res
      return heldArrived()
    }
    if (req.method !== 'GET' || url?.pathname !== CALLBACK_PATH)
      return sendPage(res, 404, {
        ok: false,
        title: 'Not found',
        message: 'This address only takes Box\u2019s redirect.'
      })
    if (taken) {
      return sendPage(res, 409, {
        ok: false,
        title: 'Already answered',
        message: 'This login has already received Box\u2019s answer. Look at the terminal.'
      })
    }
    const params = url.searchParams
    const received = params.get('state')
    if (received === null || !sameState(state, received)) {
      onRefused(
        received === null
          ? 'it carries no state'
          : 'its state does not match this login (an old browser tab, or a request this command did not start)'
      )
      return sendPage(res, 400, {
        ok: false,
        title: 'Refused',
        message:
          'This answer does not belong to the login running in your terminal, so it was ignored. Use the URL the ' +
          'running command printed.'
      })
    }
    const code = params.get('code')
    const error = params.get('error')
    if (error === null && !code) {
      onRefused('it carries neither a code nor an error')
      return sendPage(res, 400, {
        ok: false,
        title: 'Refused',
        message: 'Box\u2019s answer held no authorization code.'
      })
    }
    taken = true
    res.writeHead(303, { location: RESULT_PATH, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' })
    res.end()
    deliver(
      error !== null
        ? { kind: 'error', error, description: params.get('error_description') ?? undefined }
        : { kind: 'code', code: code! }
    )
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(listenError(error, port)))
    server.listen(port, '127.0.0.1', () => resolve())
  })
  const bound = (server.address() as AddressInfo).port

  return {
    redirectUri: `http://127.0.0.1:${bound}${CALLBACK_PATH}`,
    waitForAnswer: (timeoutMs, cancel) =>
      new Promise((resolve) => {
        const finish = (received: AuthorizationAnswer | undefined): void => {
          clearTimeout(timer)
          cancel?.removeEventListener('abort', onCancel)
          resolve(received)
        }
        const onCancel = (): void => finish(undefined)
        const timer = setTimeout(() => finish(undefined), timeoutMs)
        cancel?.addEventListener('abort', onCancel, { once: true })
        if (cancel?.aborted) finish(undefined)
        void answer.then(finish)
      }),
    close: async (page) => {
      // The browser may not have followed the redirect yet when the command is already done (a refusal is quick).
      if (taken && held === undefined) {
        let timer: NodeJS.Timeout | undefined
        await Promise.race([resultRequested, new Promise((resolve) => (timer = setTimeout(resolve, RESULT_WAIT_MS)))])
        clearTimeout(timer)
      }
      if (held !== undefined && !held.headersSent)
        sendPage(
          held,
          page?.ok === false ? 400 : 200,
          page ?? { ok: false, title: 'Stopped', message: 'The command stopped. Look at the terminal.' }
        )
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    }
  }
}

function listenError(error: NodeJS.ErrnoException, port: number): ListenError {
  if (error.code === 'EADDRINUSE') {
    return new ListenError(
      error.code,
      `Port ${port} on 127.0.0.1 is in use, perhaps by another login that is still waiting. ` +
        `Stop it, or pass another --port (and list http://127.0.0.1:<that port>/callback in the Box app's redirect ` +
        `URIs).`
    )
  }
  if (error.code === 'EACCES')
    return new ListenError(
      error.code,
      `Not allowed to listen on port ${port} of 127.0.0.1. Pass a port above 1023 with --port.`
    )
  return new ListenError(error.code, `Could not listen on 127.0.0.1:${port}: ${error.message}.`)
}

function sendPage(res: http.ServerResponse, status: number, page: Page): void {
  const body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Box Token Refresh: ${escapeHtml(page.title)}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40em; margin: 4em auto">
<h1>${page.ok ? '\u2705' : '\u274c'} ${escapeHtml(page.title)}</h1>
<p>${escapeHtml(page.message)}</p>
</body></html>
`
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    connection: 'close',
    'content-length': Buffer.byteLength(body)
  })
  res.end(body)
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
