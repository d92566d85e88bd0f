/**
 * Least privilege: with `scopes`, the token the run hands out is a downscoped child of the one Box
 * issued (token exchange), holding only those scopes and, with `resource`, only one file or
 * folder. The parent never leaves the step: it is masked, and no output or file carries it. An
 * exchange that fails hands out nothing, never the parent.
 */
import type { AccessTokenAnswer } from '../box/answer.js'
import { BoxError } from '../box/error.js'
import { downscopeToken, type Downscope } from '../box/token-exchange.js'
import type { BoxClientDeps } from '../box/token-endpoint.js'
import { errorMessage } from '../error-text.js'
import type { ActionIO } from './io.js'

export type Downscoped = { ok: true; token: AccessTokenAnswer } | { ok: false; message: string }

export async function downscope(
  io: ActionIO,
  boxApiUrl: string,
  parent: string,
  wanted: Downscope,
  deps: BoxClientDeps
): Promise<Downscoped> {
  io.info(`Downscoping the access token to ${describeDownscope(wanted)}…`)
  try {
    return { ok: true, token: await downscopeToken(boxApiUrl, parent, wanted, deps) }
  } catch (error) {
    return { ok: false, message: exchangeFailure(error) }
  }
}

/** "item_read, item_download on https://api.box.com/2.0/folders/123", for the log and the summary. */
export function describeDownscope(wanted: Downscope): string {
  return `${wanted.scopes.join(', ')}${wanted.resource ? ` on ${wanted.resource}` : ''}`
}

function exchangeFailure(error: unknown): string {
  const said = error instanceof BoxError ? error.message : `The exchange failed: ${errorMessage(error)}.`
  const hint =
    error instanceof BoxError && (error.kind === 'oauth' || error.kind === 'invalid_grant')
      ? " A token can be downscoped only to scopes it holds itself: check the app's scopes (Developer Console → " +
        'Configuration → Application Scopes) and, with `resource`, that its user can reach that item.'
      : ''
  return `Box did not downscope the access token: ${said}${hint} No access token was handed out (never the full one).`
}
