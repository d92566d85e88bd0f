/**
 * The login command's command line: its flags, read leniently and then judged by hand so that one
 * run reports every mistake (an unknown flag with the one probably meant, a missing value, a value
 * for a flag that takes none, a stray word) in the command's own words, never the parser's.
 */
import { parseArgs } from 'node:util'
import { baseUrl } from '../names.js'

export const DEFAULT_PORT = 8976
export const DEFAULT_TIMEOUT_SECONDS = 300
/** A person at a terminal would rather hear of a network problem in half a minute than in two. */
export const DEFAULT_RETRY_TIMEOUT_SECONDS = 30

export const flags = {
  'client-id': { type: 'string' },
  'client-secret': { type: 'string' },
  repository: { type: 'string', short: 'R' },
  environment: { type: 'string', short: 'e' },
  organization: { type: 'string' },
  'organization-visibility': { type: 'string' },
  'secret-name': { type: 'string' },
  dependabot: { type: 'boolean' },
  'handoff-key-secret': { type: 'string' },
  'github-token': { type: 'string' },
  'github-api-url': { type: 'string' },
  'box-authorize-url': { type: 'string' },
  'box-api-url': { type: 'string' },
  port: { type: 'string', short: 'p' },
  timeout: { type: 'string' },
  'retry-timeout': { type: 'string' },
  'no-browser': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' }
} as const

export type FlagName = keyof typeof flags
export type FlagValues = Partial<Record<FlagName, string | boolean>>

/**
 * The flags as given, and every way the command line itself is wrong: an unknown flag (with the
 * flag that was probably meant), a flag without its value, a value for a flag that takes none, a
 * stray word. All are collected, so one run shows every mistake.
 */
export function readFlags(argv: readonly string[]): { values: FlagValues; problems: string[] } {
  const { tokens } = parseArgs({ args: [...argv], options: flags, strict: false, allowPositionals: true, tokens: true })
  const values: FlagValues = {}
  const problems: string[] = []
  let afterUnknown = false
  /** A flag the parser took as the previous flag's value (`--client-secret --github-token X`). */
  let swallowed: FlagName | undefined
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue
    if (token.kind === 'positional') {
      if (swallowed !== undefined) {
        // The word is that flag's value, as the person meant it: kept, and never echoed.
        values[swallowed] = flags[swallowed].type === 'boolean' ? true : token.value
      } else if (!afterUnknown) {
        problems.push(`${strayWord(token.value)} is not an option: options start with -- (see --help).`)
      }
      afterUnknown = false
      swallowed = undefined
      continue
    }
    afterUnknown = false
    swallowed = undefined
    const flag = flagNamed(token.name)
    if (flag === undefined) {
      const meant = nearestFlag(token.name)
      problems.push(
        `\`${token.rawName}\` is not an option of this ` +
          `command${meant ? `; did you mean \`${meant}\`?` : ' (see --help).'}`
      )
      afterUnknown = token.inlineValue === undefined
      continue
    }
    if (flags[flag].type === 'boolean') {
      if (token.value !== undefined)
        problems.push(`\`--${flag}\` takes no value: give it alone, not \`${token.rawName}=${token.value}\`.`)
      values[flag] = true
    } else if (token.value === undefined || (!token.inlineValue && isFlag(token.value))) {
      problems.push(`\`--${flag}\` needs a value, e.g. \`--${flag} ${EXAMPLES[flag] ?? 'VALUE'}\`.`)
      if (token.value !== undefined) swallowed = flagNamed(token.value.replace(/^--?/, ''))
    } else {
      values[flag] = token.value
    }
  }
  return { values, problems }
}

function flagNamed(name: string | undefined): FlagName | undefined {
  return (Object.keys(flags) as FlagName[]).find(
    (flag) => flag === name || (flags[flag] as { short?: string }).short === name
  )
}

/** `--github-token` or `-R` given where a value belongs: the person left the value out. */
function isFlag(word: string): boolean {
  const match = /^--?([a-zA-Z][\w-]*)$/.exec(word)
  return match !== null && flagNamed(match[1]) !== undefined
}

/**
 * A stray word, quoted so the person sees the mistake, unless it has the shape of a credential (a
 * long run of letters, digits and _ such as a token or a client secret pasted without its flag):
 * that is described, never printed.
 */
function strayWord(word: string): string {
  return /^[A-Za-z0-9_]{20,}$/.test(word) ? 'A word that looks like a token or secret (not shown)' : `\`${word}\``
}

const EXAMPLES: Partial<Record<FlagName, string>> = {
  repository: 'octo-org/api-tests',
  organization: 'octo-org',
  environment: 'production',
  'handoff-key-secret': 'BOX_HANDOFF_KEY',
  port: String(DEFAULT_PORT),
  timeout: String(DEFAULT_TIMEOUT_SECONDS),
  'retry-timeout': String(DEFAULT_RETRY_TIMEOUT_SECONDS)
}

/** The flag a mistyped one most likely meant (`--repo` → `--repository (-R)`), or undefined. */
function nearestFlag(typed: string): string | undefined {
  const name = typed.toLowerCase()
  const candidates = (Object.keys(flags) as FlagName[]).map((flag) => ({ flag, distance: editDistance(name, flag) }))
  const best =
    candidates.find(({ flag }) => flag.startsWith(name) || name.startsWith(flag)) ??
    candidates.filter((c) => c.distance <= 2).sort((a, b) => a.distance - b.distance)[0]
  if (best === undefined) return undefined
  const short = (flags[best.flag] as { short?: string }).short
  return `--${best.flag}${short ? ` (-${short})` : ''}`
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1))
      previous = current
    }
  }
  return row[b.length]!
}

/** Reads the flags (trimmed) and collects every problem, each naming its flag. */
export class FlagReader {
  readonly problems: string[]

  constructor(
    readonly values: FlagValues,
    syntaxProblems: string[]
  ) {
    this.problems = [...syntaxProblems]
  }

  problem(flag: string, message: string): void {
    this.problems.push(`\`${flag}\` ${message}`)
  }

  check(flag: string, message: string | undefined): void {
    if (message !== undefined) this.problem(flag, message)
  }

  text(name: FlagName): string | undefined {
    const value = this.values[name]
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
  }

  /** The flag, else the environment variable; white space in it is a pasting mistake. */
  credential(flag: FlagName, fromEnv: string | undefined, variable: string, what: string): string | undefined {
    const value = this.text(flag) ?? (fromEnv?.trim() || undefined)
    if (value !== undefined && /\s/.test(value)) {
      this.problem(
        this.values[flag] === undefined ? variable : `--${flag}`,
        `contains white space, so it was probably pasted with extra text. Give ${what} alone.`
      )
    }
    return value
  }

  url(flag: string, value: string): string {
    return baseUrl(value, flag, (name, message) => this.problem(name, message))
  }

  integer(flag: FlagName, fallback: number, min: number, max: number, unit = ''): number {
    const value = this.text(flag)
    if (value === undefined) return fallback
    const number = Number(value)
    if (!Number.isInteger(number) || number < min || number > max) {
      this.problem(`--${flag}`, `must be a whole number from ${min} to ${max}${unit}, not "${value}".`)
      return fallback
    }
    return number
  }
}
