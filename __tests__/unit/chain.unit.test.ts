import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { githubTokenWarning, nextScheduledRun, outlookLines } from '../../src/action/chain.js'
import { parseTokenExpiration } from '../../src/github/client.js'
import { ACTION_TERMS } from '../../src/github/messages.js'

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
  expect(githubTokenWarning({ asOf: now, githubTokenExpiresAt: days(31) }, ACTION_TERMS)).toBeUndefined()
  expect(githubTokenWarning({ asOf: now }, ACTION_TERMS)).toBeUndefined()
})

test('within 30 days: the date, the days left and what to do', () => {
  const warning = githubTokenWarning({ asOf: now, githubTokenExpiresAt: days(10) }, ACTION_TERMS)
  expect(warning).toContain('The GitHub token (`github-token`) expires on 2026-12-09 12:00 UTC, in 10 days.')
  expect(warning).toContain('update the secret that feeds `github-token` before then')
  expect(warning).not.toMatch(/breaks/)
})

test('before the next scheduled refresh: the chain breaks when the stored refresh token expires', () => {
  const warning = githubTokenWarning(
    { asOf: now, githubTokenExpiresAt: days(3), nextScheduledRun: days(7), refreshTokenExpiresAt: days(60) },
    ACTION_TERMS
  )
  expect(warning).toContain('It expires before the next scheduled refresh (2026-12-06 12:00 UTC)')
  expect(warning).toContain('the token chain breaks on 2027-01-28 12:00 UTC')
  // After the next scheduled refresh, that run can still rotate: no "breaks".
  expect(
    githubTokenWarning({ asOf: now, githubTokenExpiresAt: days(8), nextScheduledRun: days(7) }, ACTION_TERMS)
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
    await mkdir(join(dir, 'workspace', '.github', 'workflows'), { recursive: true })
  })
  afterEach(() => rm(dir, { recursive: true, force: true }))

  /** A scheduled run started by `cron`, of a workflow whose file in the workspace is `workflow` (none: no checkout). */
  const scheduled = async (
    cron: unknown,
    workflow?: string,
    extra: NodeJS.ProcessEnv = {}
  ): Promise<NodeJS.ProcessEnv> => {
    await writeFile(
      join(dir, 'event.json'),
      typeof cron === 'string' && cron.startsWith('{') ? cron : JSON.stringify({ schedule: cron })
    )
    if (workflow !== undefined)
      await writeFile(join(dir, 'workspace', '.github', 'workflows', 'keep-alive.yml'), workflow)
    return {
      GITHUB_EVENT_NAME: 'schedule',
      GITHUB_EVENT_PATH: join(dir, 'event.json'),
      GITHUB_REPOSITORY: 'octo-org/api-tests',
      GITHUB_WORKFLOW_REF: 'octo-org/api-tests/.github/workflows/keep-alive.yml@refs/heads/main',
      GITHUB_WORKSPACE: join(dir, 'workspace'),
      ...extra
    }
  }
  const next = async (env: NodeJS.ProcessEnv): Promise<string | undefined> =>
    (await nextScheduledRun(env, now))?.toISOString()

  test('one cron line without a timezone: UTC', async () => {
    const workflow = "on:\n  schedule:\n    - cron: '17 6 * * 1'\n  workflow_dispatch:\n"
    expect(await next(await scheduled('17 6 * * 1', workflow))).toBe('2026-11-30T06:17:00.000Z')
  })

  test("the line's timezone: 06:17 in Berlin is 05:17 UTC in winter, and New York's 06:17 is 11:17 UTC", async () => {
    const berlin = "on:\n  schedule:\n    - cron: '17 6 * * 1'\n      timezone: Europe/Berlin\n"
    expect(await next(await scheduled('17 6 * * 1', berlin))).toBe('2026-11-30T05:17:00.000Z')
    const newYork = 'on:\n  schedule:\n    - {cron: "17 6 * * 1", timezone: "America/New_York"}\n'
    expect(await next(await scheduled('17 6 * * 1', newYork))).toBe('2026-11-30T11:17:00.000Z')
  })

  test('the earliest of every cron line, each in its own zone, whichever line started this run', async () => {
    const workflow = [
      'on:',
      '  schedule:',
      "    - cron: '0 5 1 1 *'", // once a year: this run's line
      "    - cron: '17 6 * * 1'",
      '      timezone: Asia/Tokyo', // Monday 06:17 in Tokyo: Sunday 21:17 UTC
      "    - cron: '0 12 * * 3'"
    ].join('\n')
    expect(await next(await scheduled('0 5 1 1 *', workflow))).toBe('2026-11-29T21:17:00.000Z')
  })

  test.each([
    ['another event', { GITHUB_EVENT_NAME: 'push' }, '17 6 * * 1'],
    ['no schedule in the payload', {}, '{}'],
    ['a payload that is not JSON', {}, '{'],
    ['no payload file', { GITHUB_EVENT_PATH: '/nonexistent/event.json' }, '17 6 * * 1'],
    ['no workflow file in the workspace (no checkout)', { GITHUB_WORKSPACE: '/nonexistent' }, '17 6 * * 1'],
    ['no GITHUB_WORKFLOW_REF', { GITHUB_WORKFLOW_REF: '' }, '17 6 * * 1'],
    [
      'a workflow of another repository',
      { GITHUB_WORKFLOW_REF: 'octo-org/other/.github/workflows/keep-alive.yml@refs/heads/main' },
      '17 6 * * 1'
    ],
    [
      'a workflow path outside .github/workflows',
      { GITHUB_WORKFLOW_REF: 'octo-org/api-tests/.github/workflows/../../keep-alive.yml@main' },
      '17 6 * * 1'
    ],
    ['a file that does not hold the line that started this run (another version)', {}, '0 7 * * 2'],
    ['a timezone that is not one', {}, 'tz']
  ])('%s: unknown', async (_, extra, cron) => {
    const workflow =
      cron === 'tz'
        ? "on:\n  schedule:\n    - cron: '17 6 * * 1'\n      timezone: Mars/Olympus_Mons\n"
        : "on:\n  schedule:\n    - cron: '17 6 * * 1'\n"
    expect(await next(await scheduled(cron === 'tz' ? '17 6 * * 1' : cron, workflow, extra))).toBeUndefined()
  })
})
