/**
 * The flow's branches for telling people, in process: the GitHub token's expiry warning on every
 * path (rotation, dry run, failure before Box, failure at Box), and the failure issue's outcomes.
 */
import { FAILURE_ISSUE_TITLE } from '../../src/failure-issue.js'
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
  expect(report.outlook?.githubTokenExpiresAt).toBeDefined()
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
