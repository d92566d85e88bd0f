import { recoveryInstructions, recoveryPayload, summaryMarkdown, type RunReport } from '../../src/report.js'
import { environmentTarget, organizationTarget, repositoryTarget, type PreparedTarget } from '../../src/secrets.js'

const sealed = { encryptedValue: 'c2VhbGVkK3ZhbHVlLw==', keyId: '568250167242549743' }
const prepared = (target: PreparedTarget['target'], settings: Record<string, unknown> = {}): PreparedTarget => ({
  target,
  publicKey: { keyId: sealed.keyId, key: 'unused' },
  settings
})

test('the recovery payload is the PUT body, with a gh command that sends exactly it', () => {
  const payload = recoveryPayload(prepared(repositoryTarget({ owner: 'octo', repo: 'app' }, 'actions', 'BOX_REFRESH_TOKEN')), sealed, 'https://api.github.com')
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
  const org = prepared(organizationTarget('octo', 'dependabot', 'BOX_REFRESH_TOKEN'), { visibility: 'selected', selected_repository_ids: [1, 2] })
  const ghes = recoveryPayload(org, sealed, 'https://ghe.example/api/v3')
  expect(ghes.path).toBe('/orgs/octo/dependabot/secrets/BOX_REFRESH_TOKEN')
  expect(ghes.body).toEqual({ encrypted_value: sealed.encryptedValue, key_id: sealed.keyId, visibility: 'selected', selected_repository_ids: [1, 2] })
  expect(ghes.command).toContain('gh api --method PUT --hostname ghe.example /orgs/')
  expect(recoveryPayload(org, sealed, 'https://api.octocorp.ghe.com').command).toContain('--hostname octocorp.ghe.com ')
})

test('environment names are URL-encoded in the path', () => {
  const payload = recoveryPayload(prepared(environmentTarget({ owner: 'octo', repo: 'app' }, 'prod/eu', 'TOKEN')), sealed, 'https://api.github.com')
  expect(payload.path).toBe('/repos/octo/app/environments/prod%2Feu/secrets/TOKEN')
})

test('recovery instructions list each command and say the payload is sealed', () => {
  const payload = recoveryPayload(prepared(repositoryTarget({ owner: 'o', repo: 'r' }, 'actions', 'T')), sealed, 'https://api.github.com')
  const text = recoveryInstructions([payload])
  expect(text).toContain(payload.command)
  expect(text).toMatch(/only GitHub can open it/)
})

test('the summary: one row per target, expiries, warnings, and a recovery section only when needed', () => {
  const target = repositoryTarget({ owner: 'octo', repo: 'app' }, 'actions', 'BOX_REFRESH_TOKEN')
  const report: RunReport = {
    dryRun: false,
    results: [{ target, outcome: 'updated' }],
    accessTokenExpiresAt: new Date('2026-11-26T13:00:00Z'),
    refreshTokenExpiresAt: new Date('2027-01-25T12:00:00Z'),
    warnings: ['old secret']
  }
  const md = summaryMarkdown(report)
  expect(md).toContain('| `BOX_REFRESH_TOKEN` (repository) | octo/app | ✅ updated |')
  expect(md).toContain('Access token expires: **2026-11-26T13:00Z**')
  expect(md).toContain('Refresh token expires: **2027-01-25T12:00Z**')
  expect(md).toContain('⚠️ old secret')
  expect(md).not.toContain('Recovery')
  expect(summaryMarkdown({ ...report, failure: { stage: 'preflight', message: 'bad' } })).toMatch(/Nothing was changed/)
})
