/**
 * The authorization-code flow at Box: listen on the loopback redirect, show (and open) Box's
 * authorize URL, wait for Box to send the browser back with a code, an error, or nothing before the
 * time runs out or the person presses Ctrl-C, and exchange the code for a token pair in its 30 s.
 */
import { type ClientCredentials } from '../box/token-endpoint.js'
import { exchangeAuthorizationCode } from '../box/authorization-code.js'
import { RetryBudget, type RetryContext, type RetryEvent, type RetryPolicy, type Timing } from '../retry.js'
import type { TokenPair } from '../box/answer.js'
import { authorizeUrl, ListenError, startCallbackServer, type CallbackServer } from './callback.js'
import {
  cancelled,
  EXIT,
  explainExchangeFailure,
  formatDuration,
  LoginFailure,
  refusal,
  timeoutMessage
} from './explain.js'
import { CALLBACK_PATH, type LoginOptions } from './options.js'
import type { Terminal } from './terminal.js'

export async function listen(port: number, state: string, terminal: Terminal): Promise<CallbackServer> {
  try {
    return await startCallbackServer(port, state, (reason) =>
      terminal.warn(`Refused a request to ${CALLBACK_PATH}: ${reason}. Still waiting for Box's answer.`)
    )
  } catch (error) {
    if (error instanceof ListenError) throw new LoginFailure(`${error.message}\nNothing was changed.`)
    throw error
  }
}

/** Shows the way to Box, waits for the browser to come back (or a Ctrl-C), and returns the code. */
export async function receiveCode(
  server: CallbackServer,
  clientId: string,
  state: string,
  options: LoginOptions,
  browser: { openBrowser: (url: string) => Promise<boolean>; cancel?: AbortSignal },
  terminal: Terminal
): Promise<string> {
  const url = authorizeUrl(options.boxAuthorizeUrl, { clientId, redirectUri: server.redirectUri, state })
  terminal.info()
  terminal.info(`Listening on ${server.redirectUri} for Box's answer. The Box app must list this redirect URI`)
  terminal.info(
    `(Developer Console → your app → Configuration → OAuth 2.0 Redirect URIs), or Box shows "redirect_uri_mismatch".`
  )
  terminal.info()
  terminal.info('Open this URL in a browser on this machine, log in to Box and click "Grant access to Box":')
  terminal.info()
  terminal.info(`  ${url}`)
  terminal.info()
  if (options.openBrowser) {
    const opened = await browser.openBrowser(url).catch(() => false)
    terminal.info(
      opened
        ? 'Asked your browser to open it (if nothing opens, copy the URL).'
        : 'No browser could be opened from here: open the URL yourself.'
    )
  }
  terminal.info(`Waiting for the browser (up to ${formatDuration(options.timeoutMs)}; Ctrl-C to cancel)…`)

  const answer = await server.waitForAnswer(options.timeoutMs, browser.cancel)
  if (browser.cancel?.aborted) throw cancelled()
  if (answer === undefined) throw new LoginFailure(timeoutMessage(server.redirectUri, options))
  if (answer.kind === 'error') throw refusal(answer, (text) => terminal.redactor.serverText(text))
  return answer.code
}

/**
 * An authorization code lives 30 seconds: every attempt must start within 15 s of the code's
 * arrival and end within 10 s, so even the last retry is answered while the code is valid.
 */
const EXCHANGE_BUDGET_MS = 15_000
const EXCHANGE_POLICY: RetryPolicy = { baseDelayMs: 500, maxDelayMs: 4_000 }
const EXCHANGE_REQUEST_TIMEOUT_MS = 10_000

export async function exchange(
  credentials: ClientCredentials,
  code: string,
  redirectUri: string,
  deps: { fetch: typeof fetch; timing: Timing; cancel?: AbortSignal; stop?: AbortSignal },
  terminal: Terminal,
  onRetry: (event: RetryEvent) => void
): Promise<TokenPair> {
  const retry: RetryContext = {
    policy: EXCHANGE_POLICY,
    budget: new RetryBudget(EXCHANGE_BUDGET_MS, deps.timing.now),
    timing: deps.timing,
    cancel: deps.cancel,
    onRetry
  }
  try {
    return await exchangeAuthorizationCode(credentials, code, redirectUri, {
      fetch: deps.fetch,
      retry,
      stop: deps.stop,
      requestTimeoutMs: EXCHANGE_REQUEST_TIMEOUT_MS,
      // Both tokens are redacted from all output the moment Box's answer is parsed.
      mask: (value) => terminal.redact(value),
      redactor: terminal.redactor
    })
  } catch (error) {
    throw new LoginFailure(
      explainExchangeFailure(error, redirectUri),
      deps.cancel?.aborted ? EXIT.cancelled : EXIT.failed
    )
  }
}
