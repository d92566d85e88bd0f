import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { githubTokenWarning, outlookLines } from '../../src/chain-outlook.js'
import { parseTokenExpiration } from '../../src/github.js'
import { ACTION_TERMS } from '../../src/github-messages.js'
import { nextScheduledRun } from '../../src/schedule.js'

const now = new Date('2026-11-29T12:00:00Z')
const days = (n: number): Date => new Date(now.getTime() + n * 86_400_000)

test("GitHub's expiration header is read in its own form, and nothing else", () => {
  expect(parseTokenExpiration('2026-12-24 09:00:00 UTC')?.toISOString()).toBe('2026-12-24T09:00:00.000Z')
  expect(parseTokenExpiration('2026-12-24 09:00:00 +0100')?.toISOString()).toBe('2026-12-24T08:00:00.000Z')
  for (const value of [
    undefined,
    '',
    'tomorrow',
    '2026-12-24T09:00:00Z',
    '2026-13-45 99:00:00 UTC',
    '2026-12-24 09:00:00 UTC\n::warning::x',
    42
  ]) {
    expect(parseTokenExpiration(value)).toBeUndefined()
  }
})

test('no warning more than 30 days ahead, or when GitHub said nothing', () => {
  expect(githubTokenWarning({ asOf: now, githubTokenExpiresAt: days(31) }, now, ACTION_TERMS)).toBeUndefined()
  expect(githubTokenWarning({ asOf: now }, now, ACTION_TERMS)).toBeUndefined()
})

test('within 30 days: the date, the days left and what to do', () => {
  const warning = githubTokenWarning({ asOf: now, githubTokenExpiresAt: days(10) }, now, ACTION_TERMS)
  expect(warning).toContain('The GitHub token (`github-token`) expires on 2026-12-09 12:00 UTC, in 10 days.')
  expect(warning).toContain('update the secret that feeds `github-token` before then')
  expect(warning).not.toMatch(/breaks/)
})

test('before the next scheduled refresh: the chain breaks when the stored refresh token expires', () => {
  const warning = githubTokenWarning(
    { asOf: now, githubTokenExpiresAt: days(3), nextScheduledRun: days(7), refreshTokenExpiresAt: days(60) },
    now,
    ACTION_TERMS
  )
  expect(warning).toContain('It expires before the next scheduled refresh (2026-12-06 12:00 UTC)')
  expect(warning).toContain('the token chain breaks on 2027-01-28 12:00 UTC')
  // After the next scheduled refresh, that run can still rotate: no "breaks".
  expect(
    githubTokenWarning({ asOf: now, githubTokenExpiresAt: days(8), nextScheduledRun: days(7) }, now, ACTION_TERMS)
  ).not.toMatch(/breaks/)
})

test('the summary lines say only what is known', () => {
  expect(outlookLines({ asOf: now })).toEqual([])
  expect(
    outlookLines({
      asOf: now,
      secretLastRotatedAt: days(-7),
      refreshTokenExpiresAt: days(60),
      nextScheduledRun: days(1),
      githubTokenExpiresAt: days(90)
    })
  ).toEqual([
    'Secret last rotated before this run: **2026-11-22 12:00 UTC** (7 days ago)',
    'Refresh token expires: **2027-01-28 12:00 UTC** unless used again before then',
    'Next scheduled refresh: **2026-11-30 12:00 UTC**',
    'GitHub token expires: **2027-02-27 12:00 UTC**'
  ])
})

describe('the next scheduled run', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'schedule-'))
  })
  afterEach(() => rm(dir, { recursive: true, force: true }))
  const event = async (payload: unknown): Promise<string> => {
    const file = join(dir, 'event.json')
    await writeFile(file, typeof payload === 'string' ? payload : JSON.stringify(payload))
    return file
  }

  test('from the cron expression of a scheduled run, in UTC', async () => {
    const env = { GITHUB_EVENT_NAME: 'schedule', GITHUB_EVENT_PATH: await event({ schedule: '17 6 * * 1' }) }
    expect((await nextScheduledRun(env, now))?.toISOString()).toBe('2026-11-30T06:17:00.000Z')
  })

  test.each([
    ['another event', { GITHUB_EVENT_NAME: 'push' }, { schedule: '17 6 * * 1' }],
    ['no schedule in the payload', { GITHUB_EVENT_NAME: 'schedule' }, {}],
    ['a schedule that is not cron', { GITHUB_EVENT_NAME: 'schedule' }, { schedule: 'every monday' }],
    ['a payload that is not JSON', { GITHUB_EVENT_NAME: 'schedule' }, '{'],
    ['no payload file', { GITHUB_EVENT_NAME: 'schedule', GITHUB_EVENT_PATH: '/nonexistent/event.json' }, undefined]
  ])('%s: unknown', async (_, env, payload) => {
    const file = payload === undefined ? undefined : await event(payload)
    expect(await nextScheduledRun({ GITHUB_EVENT_PATH: file, ...env }, now)).toBeUndefined()
  })
})
