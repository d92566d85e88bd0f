/**
 * What can go wrong between a client and Box's token and revoke endpoints, on request: the fault
 * rows every grant and the revoke share (5xx, 429 with retry-after, a hang, a hostile answer, an
 * answer lost or broken after Box acted), queued first in, first out, each optionally for one
 * endpoint or one grant only.
 */
import type { BoxAccessTokenAnswer, BoxTokenAnswer } from './box-answers.js'
import type { Refusal } from './box-errors.js'
import type { BoxGrant } from './box-tokens.js'
import type { BrokenMessage, CustomReply, Exchange } from './http.js'

/** "Box acted": a refresh used its token, a grant issued its token, a revoke revoked. */
export type BoxFault =
  /** Answer this status with an opaque HTML body; Box does not act. */
  | { kind: 'status'; status: number }
  /** 429 with `retry-after`; Box does not act. */
  | { kind: 'rate-limit'; retryAfterSeconds: number }
  /** Never answer; Box does not act. */
  | { kind: 'hang' }
  /** Box acts (the token issued is recorded in `issuedTokens`), then the socket is destroyed. */
  | { kind: 'drop-after-consume' }
  /** Process the request as usual, but answer only after `ms` (an answer slowed down on its way back). */
  | { kind: 'slow'; ms: number }
  /** A hostile or broken server: answer whatever `reply` returns; Box does not act. */
  | { kind: 'reply'; reply: (request: { form?: URLSearchParams; body: string }) => CustomReply }
  /** Box acts, then answers `reply(answer)` instead of its answer (a revoke's answer is `{}`). */
  | { kind: 'consume-and-reply'; reply: (answer: BoxAnswer) => CustomReply }
  /**
   * Box acts and answers 200 with its JSON (its first `keepBytes`, default all; a revoke's body is
   * empty), then the message breaks as `how` says: the last chunk never comes, the Content-Length
   * promises more, or the connection is reset.
   */
  | { kind: 'consume-and-break'; how: BrokenMessage; keepBytes?: number }

/** What Box answers when it accepts a request. */
export type BoxAnswer = BoxTokenAnswer | BoxAccessTokenAnswer | Record<string, never>

export type BoxEndpoint = '/oauth2/token' | '/oauth2/revoke'

/** Which requests a fault is for: by default every POST /oauth2/token request, whatever its grant. */
export interface BoxFaultScope {
  /** Requests to this endpoint only; default '/oauth2/token'. */
  endpoint?: BoxEndpoint
  /** Token requests with this grant only (`grant_type`, the URN ones by their last part). */
  grant?: BoxGrant
}

/** How a request came out: Box's answer (200) or its refusal. */
export type Outcome = { status: 200; body: BoxAnswer } | Refusal

interface QueuedFault {
  fault: BoxFault
  /** How many more requests it answers (Infinity: every one from now on). */
  remaining: number
  endpoint: BoxEndpoint
  grant?: BoxGrant
}

export class FaultQueue {
  private readonly queue: QueuedFault[] = []

  add(fault: BoxFault, times: number, scope: BoxFaultScope): void {
    if (scope.grant !== undefined && scope.endpoint === '/oauth2/revoke')
      throw new Error('FakeBox: a grant names a token request; a revoke has none')
    this.queue.push({ fault, remaining: times, endpoint: scope.endpoint ?? '/oauth2/token', grant: scope.grant })
  }

  clear(): void {
    this.queue.length = 0
  }

  /** The first queued fault for this request, used up by one. */
  next(endpoint: BoxEndpoint, grant: BoxGrant | undefined): BoxFault | undefined {
    const index = this.queue.findIndex((q) => q.endpoint === endpoint && (q.grant === undefined || q.grant === grant))
    const queued = this.queue[index]
    if (queued === undefined) return undefined
    if (--queued.remaining <= 0) this.queue.splice(index, 1)
    return queued.fault
  }
}

/**
 * Answers the request as `fault` says, or as Box would without one. `act` is Box acting on the
 * request (called at most once); `answer` writes Box's own answer.
 */
export async function answerWithFault(
  exchange: Exchange,
  fault: BoxFault | undefined,
  form: URLSearchParams | undefined,
  act: () => Outcome,
  answer: (outcome: Outcome) => Promise<void>
): Promise<void> {
  switch (fault?.kind) {
    case undefined:
      return answer(act())
    case 'status':
      return exchange.respond(fault.status, { 'content-type': 'text/html' }, opaqueErrorPage(fault.status))
    case 'rate-limit':
      return exchange.respondJson(
        429,
        {
          type: 'error',
          status: 429,
          code: 'rate_limit_exceeded',
          message: 'Request rate limit exceeded, please try again later'
        },
        { 'retry-after': String(fault.retryAfterSeconds) }
      )
    case 'hang':
      return exchange.hang()
    case 'drop-after-consume':
      // Box did the work (an invalid request simply changes nothing); only the answer is lost.
      act()
      return exchange.destroySocket('dropped')
    case 'slow': {
      const outcome = act()
      await new Promise((resolve) => setTimeout(resolve, fault.ms))
      return answer(outcome)
    }
    case 'reply':
      return exchange.respondCustom(fault.reply({ form, body: exchange.body.toString('utf8') }))
    case 'consume-and-break': {
      const outcome = act()
      const text = isEmpty(outcome.body) ? '' : JSON.stringify(outcome.body)
      const headers = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }
      return exchange.respondBroken(outcome.status, headers, text.slice(0, fault.keepBytes ?? text.length), fault.how)
    }
    case 'consume-and-reply': {
      const outcome = act()
      if (outcome.status !== 200) return answer(outcome)
      return exchange.respondCustom(fault.reply(outcome.body))
    }
  }
}

function isEmpty(body: object): boolean {
  return Object.keys(body).length === 0
}

/** Box documents no body for 5xx; an HTML page makes sure clients do not try to parse it as JSON. */
function opaqueErrorPage(status: number): string {
  return `<html><head><title>${status}</title></head><body><h1>${status}</h1><p>An error occurred.</p></body></html>\n`
}
