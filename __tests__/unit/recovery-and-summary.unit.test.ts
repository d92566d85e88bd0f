import {
  RecoveryLedger,
  recoveryInstructions,
  recoveryPayload,
  shellQuote,
  writeAheadInstructions
} from '../../src/recovery.js'
import { fence, markdownText, summaryMarkdown, type RunReport } from '../../src/action/report.js'
import type { PreparedTarget } from '../../src/github/secrets.js'
import { environmentTarget, organizationTarget, repositoryTarget } from '../../src/github/targets.js'

const sealed = { encryptedValue: 'c2VhbGVkK3ZhbHVlLw==', keyId: '568250167242549743' }
const prepared = (target: PreparedTarget['target'], settings: Record<string, unknown> = {}): PreparedTarget => ({
  target,
  publicKey: { keyId: sealed.keyId, key: 'unused' },
  settings
})
const GITHUB_COM = 'https://api.github.com'

test('the recovery payload is the PUT body, with a gh command that sends exactly it', () => {
  const payload = recoveryPayload(
    prepared(repositoryTarget({ owner: 'octo', repo: 'app' }, 'actions', 'BOX_REFRESH_TOKEN')),
    sealed,
    GITHUB_COM
  )
  expect(payload).toMatchObject({
    method: 'PUT',
    path: '/repos/octo/app/actions/secrets/BOX_REFRESH_TOKEN',
    body: { encrypted_value: sealed.encryptedValue, key_id: sealed.keyId }
  })
  expect(payload.command).toBe(
    `echo '{"encrypted_value":"c2VhbGVkK3ZhbHVlLw==","key_id":"568250167242549743"}' | gh api --method PUT /repos/octo/app/actions/secrets/BOX_REFRESH_TOKEN --input -`
  )
})

test('organization payloads carry the visibility and selected repositories; GHES and ghe.com name their host', () => {
  const org = prepared(organizationTarget('octo', 'dependabot', 'BOX_REFRESH_TOKEN'), {
    visibility: 'selected',
    selected_repository_ids: [1, 2]
  })
  const ghes = recoveryPayload(org, sealed, 'https://ghe.example/api/v3')
  expect(ghes.path).toBe('/orgs/octo/dependabot/secrets/BOX_REFRESH_TOKEN')
  expect(ghes.body).toEqual({
    encrypted_value: sealed.encryptedValue,
    key_id: sealed.keyId,
    visibility: 'selected',
    selected_repository_ids: [1, 2]
  })
  expect(ghes.command).toContain('gh api --method PUT --hostname ghe.example /orgs/')
  expect(recoveryPayload(org, sealed, 'https://api.octocorp.ghe.com').command).toContain('--hostname octocorp.ghe.com ')
})

test('GHES on a port of its own: curl to the full URL, the token from GH_TOKEN through stdin, never in the command', () => {
  const org = prepared(organizationTarget('octo', 'actions', 'BOX_REFRESH_TOKEN'), { visibility: 'all' })
  const { command } = recoveryPayload(org, sealed, 'https://ghes.example:8443/api/v3')
  expect(command).not.toMatch(/\bgh api\b/)
  expect(command).toBe(
    `: "\${GH_TOKEN:?set GH_TOKEN to a token that can write the secret}" && ` +
      `printf 'header = "Authorization: Bearer %s"\\n' "$GH_TOKEN" | ` +
      `curl --config - --fail-with-body --silent --show-error --request PUT --header 'Accept: application/vnd.github+json' ` +
      `--data-binary '{"encrypted_value":"c2VhbGVkK3ZhbHVlLw==","key_id":"568250167242549743","visibility":"all"}' ` +
      'https://ghes.example:8443/api/v3/orgs/octo/actions/secrets/BOX_REFRESH_TOKEN'
  )
  // The default port is no port: gh takes that host.
  expect(recoveryPayload(org, sealed, 'https://ghes.example:443/api/v3').command).toContain(
    'gh api --method PUT --hostname ghes.example /orgs/'
  )
})

test("environment names are encoded fully in the path, including ! ' ( ) *", () => {
  const payload = recoveryPayload(
    prepared(environmentTarget({ owner: 'octo', repo: 'app' }, "prod/eu (it's) *!", 'TOKEN')),
    sealed,
    GITHUB_COM
  )
  expect(payload.path).toBe('/repos/octo/app/environments/prod%2Feu%20%28it%27s%29%20%2A%21/secrets/TOKEN')
  expect(payload.command).toContain(
    ' /repos/octo/app/environments/prod%2Feu%20%28it%27s%29%20%2A%21/secrets/TOKEN --input -'
  )
})

test('shell quoting survives every character', () => {
  expect(shellQuote("it's")).toBe(`'it'\\''s'`)
  expect(shellQuote('$(rm -rf ~) `x` "y" \\ ;|&')).toBe(`'$(rm -rf ~) \`x\` "y" \\ ;|&'`)
})

test('recovery instructions list each command and say the payload is sealed', () => {
  const payload = recoveryPayload(
    prepared(repositoryTarget({ owner: 'o', repo: 'r' }, 'actions', 'T')),
    sealed,
    GITHUB_COM
  )
  const text = recoveryInstructions([payload])
  expect(text).toContain(payload.command)
  expect(text).toMatch(/only GitHub can open it/)
  expect(writeAheadInstructions([payload])).toContain(payload.command)
  expect(writeAheadInstructions([payload], 'login')).toContain(payload.command)
})

test('the sealed copy logged before any write says what is true for the action, and for a login', () => {
  const payload = recoveryPayload(
    prepared(repositoryTarget({ owner: 'o', repo: 'r' }, 'actions', 'T')),
    sealed,
    GITHUB_COM
  )
  // The action has used up the old token and runs on a runner: its wording is unchanged.
  expect(writeAheadInstructions([payload]).split('\n').slice(0, 3)).toEqual([
    'Box has issued a new refresh token and the old one no longer works. This is a sealed copy of the new one, logged before any write is tried,',
    'so that it is never only in memory. If this step does not go on to report every secret as written (it was cancelled, timed out, or the runner',
    'was lost), run these commands to store it:'
  ])
  // A login may store the very first token, on a person's machine: no old token, no runner.
  const login = writeAheadInstructions([payload], 'login')
  expect(login).toMatch(/^Box has issued a refresh token, and this command holds the only copy\./)
  expect(login).toMatch(/If this command does not go on\nto say that the token is stored/)
  expect(login).not.toMatch(/old one|runner|this step/)
  const ledger = new RecoveryLedger()
  ledger.record(payload)
  expect(ledger.writeAheadInstructions('login')).toBe(login)
  expect(ledger.writeAheadInstructions()).toBe(writeAheadInstructions([payload]))
})

test('the ledger keeps every sealed copy until its write is confirmed', () => {
  const ledger = new RecoveryLedger()
  expect(ledger.instructions()).toBeUndefined()
  // Nothing recorded, nothing to log before a write: no header over an empty list of commands.
  expect(ledger.writeAheadInstructions()).toBeUndefined()
  expect(ledger.writeAheadInstructions('login')).toBeUndefined()
  const a = recoveryPayload(prepared(repositoryTarget({ owner: 'o', repo: 'r' }, 'actions', 'T')), sealed, GITHUB_COM)
  const b = recoveryPayload(
    prepared(repositoryTarget({ owner: 'o', repo: 'r' }, 'dependabot', 'T')),
    sealed,
    GITHUB_COM
  )
  ledger.record(a)
  ledger.record(b)
  expect(ledger.pending()).toEqual([a, b])
  ledger.markStored(a.target)
  expect(ledger.pending()).toEqual([b])
  expect(ledger.instructions()).toContain(b.command)
  expect(ledger.instructions()).not.toContain(a.command)
  ledger.markStored(b.target)
  expect(ledger.instructions()).toBeUndefined()
  expect(ledger.writeAheadInstructions()).toBeUndefined()
})

test('the summary: one row per target, expiries, warnings, and a recovery section only when needed', () => {
  const target = repositoryTarget({ owner: 'octo', repo: 'app' }, 'actions', 'BOX_REFRESH_TOKEN')
  const report: RunReport = {
    dryRun: false,
    results: [{ target, outcome: 'updated' }],
    accessTokenExpiresAt: new Date('2026-11-26T13:00:00Z'),
    warnings: ['old secret'],
    chain: {
      asOf: new Date('2026-11-26T12:00:00Z'),
      secretLastRotatedAt: new Date('2026-11-19T12:00:00Z'),
      refreshTokenExpiresAt: new Date('2027-01-25T12:00:00Z'),
      githubTokenExpiresAt: new Date('2026-12-24T09:00:00Z')
    }
  }
  const md = summaryMarkdown(report)
  expect(md).toContain('| `BOX_REFRESH_TOKEN` (repository secret) | octo/app | ✅ updated |')
  expect(md).toContain('Access token expires: **2026-11-26 13:00 UTC**')
  expect(md).toContain('### How long the token chain has')
  expect(md).toContain('- Secret last rotated before this run: **2026-11-19 12:00 UTC** (7 days ago)')
  expect(md).toContain('- Refresh token expires: **2027-01-25 12:00 UTC**')
  expect(md).toContain('- GitHub token expires: **2026-12-24 09:00 UTC**')
  expect(md).toContain('⚠️ old secret')
  expect(md).not.toContain('Recovery')
  expect(summaryMarkdown({ ...report, failure: { stage: 'preflight', message: 'bad' } })).toMatch(/Nothing was changed/)
})

test('server text in a failure cannot close its code fence or start markdown of its own', () => {
  const hostile = 'x\n```\n# Owned\n<img src=x onerror=alert(1)>\n````'
  const block = fence(hostile)
  expect(block.startsWith('`````text\n')).toBe(true)
  expect(block.endsWith('\n`````')).toBe(true)
  const md = summaryMarkdown({ dryRun: false, results: [], warnings: [], failure: { stage: 'box', message: hostile } })
  // Everything after the opening fence up to the closing one is the message, verbatim.
  expect(md).toContain(block)
})

test('names shown as text are escaped for markdown and HTML', () => {
  expect(markdownText('a|b `c` <b>d</b> [e](f) *g* ~h~ _i_')).toBe(
    'a\\|b \\`c\\` &lt;b>d&lt;/b> \\[e\\](f) \\*g\\* \\~h\\~ \\_i\\_'
  )
  const target = environmentTarget({ owner: 'octo', repo: 'app' }, 'x | <script>', 'T')
  const md = summaryMarkdown({ dryRun: true, results: [{ target, outcome: 'checked' }], warnings: [] })
  expect(md).toContain('octo/app › x \\| &lt;script>')
})

/** What a person reads when a write is left to them, word for word: a mutation run found it unread. */
describe('the words of a recovery', () => {
  const payload = (name: string) =>
    recoveryPayload(prepared(repositoryTarget({ owner: 'o', repo: 'r' }, 'actions', name)), sealed, GITHUB_COM)
  const NOTE =
    'The payload is sealed: only GitHub can open it, so it is safe in this log. ' +
    'Run the command with a token that can write the secret (gh auth login, or GH_TOKEN).'

  test('one secret, and then two', () => {
    const [a, b] = [payload('A'), payload('B')]
    expect(recoveryInstructions([a])).toBe(
      'The new refresh token could not be written to its secret, and Box will not issue it again: store it by ' +
        "hand, soon (the payload is sealed with the secret's current public key):\n" +
        `  repository secret A of o/r:\n    ${a.command}\n${NOTE}`
    )
    expect(recoveryInstructions([a, b]).split('\n')[0]).toBe(
      'The new refresh token could not be written to 2 secrets, and Box will not issue it again: store it by ' +
        "hand, soon (the payload is sealed with the secret's current public key):"
    )
  })

  test("the login's sealed copy, whole", () => {
    const a = payload('A')
    expect(writeAheadInstructions([a], 'login')).toBe(
      [
        'Box has issued a refresh token, and this command holds the only copy. This is a sealed copy of it,',
        'logged before any write is tried, so that it is never only in memory. If this command does not go on',
        'to say that the token is stored (it was interrupted, or this machine or its connection was lost),',
        'run these commands to store it:',
        `  repository secret A of o/r:\n    ${a.command}`,
        NOTE
      ].join('\n')
    )
  })

  test('last words with nothing pending are the reason alone; with something pending, how to store it', () => {
    const ledger = new RecoveryLedger()
    expect(ledger.lastWords('Cancelled.')).toBe('Cancelled.')
    ledger.record(payload('A'))
    expect(ledger.lastWords('Cancelled.')).toBe(`Cancelled.\n${ledger.instructions()!}`)
  })
})

describe('the ledger sends what is pending, once, when the run is cut short', () => {
  const payload = recoveryPayload(
    prepared(repositoryTarget({ owner: 'o', repo: 'r' }, 'actions', 'T')),
    sealed,
    GITHUB_COM
  )

  test('without a writer there is nothing to send with: nothing is stored, the copy stays pending', async () => {
    const ledger = new RecoveryLedger()
    ledger.record(payload)
    expect(await ledger.rescue(new AbortController().signal)).toEqual([])
    expect(ledger.pending()).toEqual([payload])
  })

  test('a write GitHub refuses is not counted as stored', async () => {
    const ledger = new RecoveryLedger()
    ledger.record(payload)
    ledger.attachWriter(async () => {
      throw new Error('HTTP 502')
    })
    expect(await ledger.rescue(new AbortController().signal)).toEqual([])
    expect(ledger.pending()).toEqual([payload])
  })
})
