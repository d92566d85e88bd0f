/**
 * The recovery payload: the new refresh token, sealed for each target, as the exact body of the
 * PUT that stores it, with a `gh api` command that sends it (`curl` where gh cannot name the host).
 * Only GitHub can open the sealed value, so printing it is safe, and running the command finishes
 * the rotation.
 *
 * The ledger keeps the payloads from the moment Box answers until each write is confirmed, so
 * whatever ends the run (a failed write, a cancellation, a bug) can still say what to run.
 */
import { ghHostname } from './github/client.js'
import type { SealedSecret } from './seal.js'
import { writeBody, type PreparedTarget } from './github/secrets.js'
import { secretPath } from './github/targets.js'

export interface RecoveryPayload {
  target: string
  method: 'PUT'
  /** Relative to the API base, as `gh api` takes it. */
  path: string
  body: Record<string, unknown>
  command: string
}

export function recoveryPayload(prepared: PreparedTarget, sealed: SealedSecret, githubApiUrl: string): RecoveryPayload {
  const body = writeBody(prepared, sealed)
  const path = secretPath(prepared.target)
  const json = JSON.stringify(body)
  // The GitHub CLI takes a host name without a port (gh 2.23: "error parsing `--hostname`: invalid
  // hostname"), and without one it would talk to another server: a GHES on its own port gets curl.
  const command =
    new URL(githubApiUrl).port === ''
      ? ghCommand(json, path, ghHostname(githubApiUrl))
      : curlCommand(json, `${githubApiUrl}${path}`)
  return { target: prepared.target.label, method: 'PUT', path, body, command }
}

function ghCommand(json: string, path: string, hostname: string | undefined): string {
  const words = ['gh', 'api', '--method', 'PUT', ...(hostname ? ['--hostname', hostname] : []), path, '--input', '-']
  return `echo ${shellQuote(json)} | ${words.map(shellWord).join(' ')}`
}

/** What bash says when GH_TOKEN is not set; words only, so that it needs no quoting inside "…". */
const CURL_TOKEN_HINT = 'set GH_TOKEN to a token that can write the secret'

/**
 * The same PUT with curl, to the full URL. The token comes from GH_TOKEN, and reaches curl through
 * its config on stdin rather than its arguments, which other users of the machine can list.
 */
function curlCommand(json: string, url: string): string {
  const words = [
    'curl',
    '--config',
    '-',
    '--fail-with-body',
    '--silent',
    '--show-error',
    '--request',
    'PUT',
    '--header',
    'Accept: application/vnd.github+json',
    '--data-binary',
    json,
    url
  ]
  return (
    `: "\${GH_TOKEN:?${CURL_TOKEN_HINT}}" && printf 'header = "Authorization: Bearer %s"\\n' "$GH_TOKEN" | ` +
    words.map(shellWord).join(' ')
  )
}

/** One shell word, quoted only where it must be, so the common command stays readable. */
function shellWord(word: string): string {
  return /^[A-Za-z0-9_./%:=@-]+$/.test(word) ? word : shellQuote(word)
}

/** POSIX single quotes: nothing inside is special, and a quote is closed, escaped and reopened. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`
}

/** The lines a person needs to store the payloads by hand. */
export function recoveryInstructions(payloads: RecoveryPayload[]): string {
  return [
    `The new refresh token could not be written to ` +
      `${payloads.length === 1 ? 'its secret' : `${payloads.length} secrets`}, and Box will not issue it again: ` +
      `store it by hand, soon (the payload is sealed with the secret's current public key):`,
    ...commandLines(payloads),
    SEALED_NOTE
  ].join('\n')
}

/**
 * Who logs the sealed copy. The action has used up the old refresh token and runs on a runner that
 * can be lost; the login command may be storing the very first token, on a person's machine.
 */
export type WriteAheadFor = 'action' | 'login'

const WRITE_AHEAD_LEAD: Record<WriteAheadFor, string[]> = {
  action: [
    'Box has issued a new refresh token and the old one no longer works. This is a sealed copy of the new one, ' +
      'logged before any write is tried,',
    'so that it is never only in memory. If this step does not go on to report every secret as written (it was ' +
      'cancelled, timed out, or the runner',
    'was lost), run these commands to store it:'
  ],
  login: [
    'Box has issued a refresh token, and this command holds the only copy. This is a sealed copy of it,',
    'logged before any write is tried, so that it is never only in memory. If this command does not go on',
    'to say that the token is stored (it was interrupted, or this machine or its connection was lost),',
    'run these commands to store it:'
  ]
}

/** What goes into the log the moment Box answers, before any write is tried. */
export function writeAheadInstructions(payloads: RecoveryPayload[], writer: WriteAheadFor = 'action'): string {
  return [...WRITE_AHEAD_LEAD[writer], ...commandLines(payloads), SEALED_NOTE].join('\n')
}

const SEALED_NOTE =
  'The payload is sealed: only GitHub can open it, so it is safe in this log. ' +
  'Run the command with a token that can write the secret (gh auth login, or GH_TOKEN).'

/** One entry per payload: its target, then its command, indented. */
export function commandLines(payloads: RecoveryPayload[]): string[] {
  return payloads.map((p) => `  ${p.target}:\n    ${p.command}`)
}

/** Sends one payload as its PUT, giving up when `deadline` aborts; resolves once GitHub confirmed it. */
export type PayloadWriter = (payload: RecoveryPayload, deadline: AbortSignal) => Promise<unknown>

/** The sealed copies of one rotation, and which of them are stored. */
export class RecoveryLedger {
  private readonly payloads = new Map<string, RecoveryPayload>()
  private readonly stored = new Set<string>()
  private writer?: PayloadWriter

  /** How a payload can still be sent when the run's own write-back cannot finish (see `rescue`). */
  attachWriter(writer: PayloadWriter): void {
    this.writer = writer
  }

  /**
   * After an unexpected error: sends every payload not yet stored, once each, and marks what GitHub
   * confirmed. Resolves (never rejects) when all are settled or `deadline` aborts; returns the
   * targets it stored.
   */
  async rescue(deadline: AbortSignal): Promise<string[]> {
    const writer = this.writer
    if (writer === undefined) return []
    const stored = await Promise.all(
      this.pending().map((payload) =>
        writer(payload, deadline).then(
          () => (this.markStored(payload.target), [payload.target]),
          () => []
        )
      )
    )
    return stored.flat()
  }

  record(payload: RecoveryPayload): void {
    this.payloads.set(payload.target, payload)
  }

  markStored(target: string): void {
    this.stored.add(target)
  }

  /** The payloads whose write has not been confirmed. */
  pending(): RecoveryPayload[] {
    return [...this.payloads.values()].filter((p) => !this.stored.has(p.target))
  }

  /**
   * The words that end a run cut short (an unexpected error, a cancellation that could not finish):
   * `reason`, then, for every sealed copy still not stored, how to store it.
   */
  lastWords(reason: string): string {
    const pending = this.instructions()
    return pending === undefined ? reason : `${reason}\n${pending}`
  }

  /** The instructions for what is still pending, or undefined when nothing is. */
  instructions(): string | undefined {
    const pending = this.pending()
    return pending.length === 0 ? undefined : recoveryInstructions(pending)
  }

  /** What to log the moment the payloads are recorded, before any write; undefined when there are none. */
  writeAheadInstructions(writer: WriteAheadFor = 'action'): string | undefined {
    const pending = this.pending()
    return pending.length === 0 ? undefined : writeAheadInstructions(pending, writer)
  }
}
