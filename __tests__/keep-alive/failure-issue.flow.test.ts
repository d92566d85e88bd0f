/**
 * The flow's branches for telling people, in process: the GitHub token's expiry warning on every
 * path (rotation, dry run, failure before Box, failure at Box), and the failure issue's outcomes.
 */
import { FAILURE_ISSUE_TITLE } from '../../src/action/failure-issue.js'
import { createWorld, runFlow, REPO, type World } from '../support/world.js'

let world: World
afterEach(() => world?.close())

const EXPIRING = 'github_pat_expiring_in_process_0123'
const WORKFLOW_TOKEN = 'ghs_workflow_in_process_0123'
const soon = () => new Date(Date.now() + 10 * 86_400_000 + 3_600_000)
const tokenWarning = (log: Array<{ kind: string; text: string }>) =>
  log.find((l) => l.kind === 'warning' && /The GitHub token/.test(l.text))

test.each<[string, Record<string, string>, () => void]>([
  ['a rotation', {}, () => {}],
  ['a dry run', { 'dry-run': 'true' }, () => {}],
  ['a failure at Box', { 'client-secret': 'wrong-client-secret-0123' }, () => {}],
  [
    'a failure before Box',
    {},
    () =>
      world.sim.github.injectFault({
        method: 'GET',
        pathIncludes: `/secrets/BOX_REFRESH_TOKEN`,
        times: Infinity,
        fault: { kind: 'status', status: 403, message: 'nope' }
      })
  ]
])('%s warns about a GitHub token that expires within 30 days', async (_, inputs, arrange) => {
  world = await createWorld()
  world.sim.github.addToken(EXPIRING, 'write', { expiresAt: soon() })
  arrange()
  const { recorded, report } = await runFlow(world, { 'github-token': EXPIRING, ...inputs })
  expect(tokenWarning(recorded.log)?.text).toMatch(/expires on .*, in 10 days/)
  expect(report.chain?.githubTokenExpiresAt).toBeDefined()
  expect(recorded.summary).toMatch(/GitHub token expires/)
})

test('the failure issue: opened, commented on, closed, in process', async () => {
  world = await createWorld()
  world.sim.github.addToken(WORKFLOW_TOKEN, 'integration', { issues: 'write' })
  const env = { GITHUB_TOKEN: WORKFLOW_TOKEN, GITHUB_SERVER_URL: 'https://github.com', GITHUB_RUN_ID: '77' }
  const failing = {
    'failure-issue': 'true',
    'issue-token': WORKFLOW_TOKEN,
    'client-secret': 'wrong-client-secret-0123'
  }
  let { recorded } = await runFlow(world, failing, env)
  expect(recorded.log.some((l) => /Opened the failure issue #1/.test(l.text))).toBe(true)
  ;({ recorded } = await runFlow(world, failing, env))
  expect(recorded.log.some((l) => /Commented on the failure issue #1/.test(l.text))).toBe(true)
  ;({ recorded } = await runFlow(world, { 'failure-issue': 'true', 'issue-token': WORKFLOW_TOKEN }, env))
  expect(recorded.failed).toBeUndefined()
  expect(recorded.log.some((l) => /Closed the failure issue #1/.test(l.text))).toBe(true)
  const [issue] = world.sim.github.listIssues(REPO)
  expect(issue).toMatchObject({ title: FAILURE_ISSUE_TITLE, state: 'closed' })
  expect(issue!.body).toContain('https://github.com/octo-org/api-tests/actions/runs/77')
})

test('failure-issue without a token to open it with is refused before anything else', async () => {
  world = await createWorld()
  const { recorded } = await runFlow(world, { 'failure-issue': 'true', 'issue-token': '' })
  expect(recorded.failed).toMatch(/`issue-token`: is empty, so `failure-issue` cannot open an issue/)
  expect(world.sim.requests).toEqual([])
})

describe('the failure issue tells the truth', () => {
  const env = { GITHUB_TOKEN: WORKFLOW_TOKEN, GITHUB_SERVER_URL: 'https://github.com', GITHUB_RUN_ID: '77' }
  const withIssue = (extra: Record<string, string> = {}) => ({
    'failure-issue': 'true',
    'issue-token': WORKFLOW_TOKEN,
    ...extra
  })
  const issueRequests = () => world.sim.requests.filter((r) => r.path.includes('/issues'))

  test('a dry run never closes it, nor asks about it: it never called Box, so it says nothing of the chain', async () => {
    world = await createWorld()
    world.sim.github.addToken(WORKFLOW_TOKEN, 'integration', { issues: 'write' })
    await runFlow(world, withIssue({ 'client-secret': 'wrong-client-secret-0123' }), env)
    expect(world.sim.github.listIssues(REPO)).toMatchObject([{ state: 'open', comments: [] }])
    const asked = issueRequests().length
    const { recorded } = await runFlow(world, withIssue({ 'dry-run': 'true' }), env)
    expect(recorded.failed).toBeUndefined()
    expect(world.sim.github.listIssues(REPO)).toMatchObject([{ state: 'open', comments: [] }])
    expect(issueRequests()).toHaveLength(asked)
    // A rotation that succeeds does close it.
    const rotated = await runFlow(world, withIssue(), env)
    expect(rotated.recorded.log.some((l) => /Closed the failure issue #1/.test(l.text))).toBe(true)
  })

  test('a dry run that fails still reports: the next real run would fail the same way', async () => {
    world = await createWorld()
    world.sim.github.addToken(WORKFLOW_TOKEN, 'integration', { issues: 'write' })
    world.sim.github.injectFault({
      method: 'GET',
      pathIncludes: '/secrets/public-key',
      times: Infinity,
      fault: { kind: 'status', status: 403, message: 'Resource not accessible by personal access token' }
    })
    const { recorded } = await runFlow(world, withIssue({ 'dry-run': 'true' }), env)
    expect(recorded.failed).toBeDefined()
    expect(world.sim.github.listIssues(REPO)).toMatchObject([{ state: 'open', labels: ['box-token-refresh'] }])
  })

  test('issues turned off (GitHub answers 410): one line that says so, not the permissions advice', async () => {
    world = await createWorld()
    world.sim.github.addToken(WORKFLOW_TOKEN, 'integration', { issues: 'write' })
    world.sim.github.disableIssues(REPO)
    const { recorded } = await runFlow(world, withIssue({ 'client-secret': 'wrong-client-secret-0123' }), env)
    expect(recorded.failed).toMatch(/invalid_client/)
    const warnings = recorded.log.filter((l) => l.kind === 'warning').map((l) => l.text)
    expect(warnings).toEqual([
      'The failure issue could not be opened: issues are turned off in octo-org/api-tests (GitHub answered 410). Turn them on (Settings → General → Features → Issues), or remove `failure-issue`.'
    ])
  })

  test('an issue GitHub opened without its label (a token that may not set labels): a warning says later runs will not find it', async () => {
    world = await createWorld()
    world.sim.github.addToken(WORKFLOW_TOKEN, 'integration', { issues: 'write', labels: false })
    const { recorded } = await runFlow(world, withIssue({ 'client-secret': 'wrong-client-secret-0123' }), env)
    expect(world.sim.github.listIssues(REPO)).toMatchObject([{ number: 1, labels: [] }])
    expect(recorded.log.find((l) => l.kind === 'warning')?.text).toMatch(
      /^Opened the failure issue #1 in octo-org\/api-tests, but GitHub did not give it the label `box-token-refresh`.*add it to #1, or they open another\.$/
    )
  })

  test.each<[string, Record<string, string>, (api: string) => Record<string, string>]>([
    ['`issue-token` is empty', { 'issue-token': '' }, () => ({})],
    ['GITHUB_API_URL is not a plain base URL', {}, (api) => ({ GITHUB_API_URL: `${api}?per_page=1` })],
    ['GITHUB_REPOSITORY is not owner/name', {}, () => ({ GITHUB_REPOSITORY: 'not a repository' })],
    ['`failure-issue` is not a boolean', { 'failure-issue': 'yes' }, () => ({})]
  ])('inputs not valid, and %s: no issue, and no request at all', async (_, inputs, extraEnv) => {
    world = await createWorld()
    world.sim.github.addToken(WORKFLOW_TOKEN, 'integration', { issues: 'write' })
    const { recorded } = await runFlow(world, withIssue({ 'refresh-token': '', ...inputs }), {
      ...env,
      ...extraEnv(world.sim.githubApiUrl)
    })
    expect(recorded.failed).toMatch(/`refresh-token`: is empty/)
    expect(world.sim.requests).toEqual([])
  })

  test('a job with a hand-off whose inputs are not valid tells no issue: it rotates nothing', async () => {
    world = await createWorld()
    world.sim.github.addToken(WORKFLOW_TOKEN, 'integration', { issues: 'write' })
    const { recorded } = await runFlow(world, withIssue({ handoff: 'not-a-handoff', 'client-secret': '' }), env)
    expect(recorded.failed).toBeDefined()
    expect(world.sim.requests).toEqual([])
  })
})
