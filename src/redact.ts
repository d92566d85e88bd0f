/**
 * Text that came from a server, and the credentials it must never carry.
 *
 * Box, GitHub, or a proxy in front of either may answer with anything: an error page that echoes
 * the request (and with it the client secret and the refresh token), a description holding a
 * workflow command or a code fence, ten megabytes of text. Every such string passes through
 * `serverText` before it reaches a log line, the summary, an output or an error: control
 * characters go, every known credential in each form a server might echo it (as sent, percent-
 * encoded, form-encoded, JSON-escaped) becomes ***, workflow commands are broken, and the length
 * is capped. `scrub` is the last net for text the action composes itself.
 */

/** Anything shorter could match ordinary words; real credentials are far longer. */
const MIN_SECRET_LENGTH = 6
/** What is examined at all: a 10 MB body is cut before any work is done on it. */
const MAX_EXAMINED = 64 * 1024
export const DEFAULT_SERVER_TEXT_LENGTH = 300

// C0 and C1 controls, DEL, line and paragraph separators: each becomes a space, and every run of
// blanks is then folded into one (so a run of controls is one space either way).
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g
// Invisible Unicode that can reorder or hide text in a log viewer (zero-width characters,
// bidirectional marks, overrides and isolates, BOM): removed, so nothing can hide inside a word.
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g

export class Redactor {
  /** Every form of every credential, longest first so a longer form is replaced before its parts. */
  // Stryker disable next-line ArrayDeclaration: only a text holding the mutant's own words could tell
  private forms: string[] = []

  /** Registers a credential; from now on it is replaced by *** in everything this redactor cleans. */
  add(secret: string | undefined): void {
    if (secret === undefined || secret.length < MIN_SECRET_LENGTH) return
    const added = new Set(this.forms)
    for (const form of encodings(secret)) added.add(form)
    this.forms = [...added].sort((a, b) => b.length - a.length)
  }

  /** Replaces every known credential, in every form, with ***. */
  scrub(text: string): string {
    let result = text
    for (const form of this.forms) result = result.split(form).join('***')
    return result
  }

  /**
   * A server's string made safe to print: one line, no control characters, no credential, no
   * workflow command, at most `maxLength` characters. Anything that is not a string becomes ''.
   */
  serverText(text: unknown, maxLength = DEFAULT_SERVER_TEXT_LENGTH): string {
    if (typeof text !== 'string') return ''
    // Invisible characters go before the scrub, so a credential they were hiding in is whole again.
    const oneLine = text.slice(0, MAX_EXAMINED).replace(INVISIBLE, '').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim()
    return cap(breakCommandMarkers(this.scrub(oneLine)), maxLength)
  }

  /**
   * Where a redirect pointed, for the error that refuses it: only the origin of its `Location`
   * (resolved against `base`), never the path or query that might carry anything.
   */
  locationOrigin(location: unknown, base: string): string {
    let origin = 'a location that is not a URL'
    try {
      // Stryker disable next-line StringLiteral: any relative text resolves to base, as '' does
      origin = new URL(typeof location === 'string' ? location : '', base).origin
    } catch {
      // described as unreadable
    }
    return this.serverText(origin, 200)
  }
}

/**
 * The forms a server may echo a credential in: as sent; percent-encoded (upper- and lower-case
 * hex); form-encoded (which differs from percent-encoding for a few characters); JSON-escaped, with
 * and without escaped slashes.
 */
function encodings(secret: string): string[] {
  const percent = encodeURIComponent(secret)
  const form = new URLSearchParams({ v: secret }).toString().slice(2)
  const json = JSON.stringify(secret).slice(1, -1)
  const lowerHex = (s: string): string => s.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase())
  return [secret, percent, lowerHex(percent), form, lowerHex(form), json, json.replace(/\//g, '\\/')]
}

/**
 * What the runner would obey in a line of a step's output, broken (actions/runner,
 * src/Runner.Common/ActionCommand.cs): the runner splits the output into lines at \n, \r and \r\n;
 * a line is a command when, after its leading white space, it starts with `::` (`TryParseV2`), or
 * when `##[` appears anywhere in it (`TryParse`, the older form). Nothing else is touched: `::`
 * inside a line (an IPv6 address, a URL) means nothing to the runner.
 */
export function neutraliseCommands(text: string): string {
  return text.replace(/##\[/g, '# #[').replace(/(^|[\r\n])([\s\u0085]*)::/g, '$1$2: :')
}

/**
 * Server text is broken more widely than a line needs: every `::` too, since it is a fragment that
 * may be placed anywhere, and it never needs one.
 */
function breakCommandMarkers(text: string): string {
  return neutraliseCommands(text.replace(/::/g, ': :'))
}

function cap(text: string, maxLength: number): string {
  return text.length <= maxLength ? text : `${text.slice(0, maxLength - 1)}…`
}
