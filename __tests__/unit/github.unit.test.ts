/**
 * The GitHub client is @actions/github's getOctokit, sending through the action's own fetch: what
 * the toolkit sends must still be sent, namely the token as `token …` and the runner's
 * orchestration ID in the user agent when the runner sets one.
 */
import { createGitHubClient } from '../../src/github/client.js'
import { ACTION_TERMS } from '../../src/github/messages.js'
import { Redactor } from '../../src/redact.js'
import { defaultRetryPolicy, realTiming, RetryBudget } from '../../src/retry.js'

/** The headers of one GET sent with ACTIONS_ORCHESTRATION_ID set to `orchestrationId`. */
async function headersSent(orchestrationId: string | undefined): Promise<Headers> {
  const saved = process.env.ACTIONS_ORCHESTRATION_ID
  if (orchestrationId === undefined) delete process.env.ACTIONS_ORCHESTRATION_ID
  else process.env.ACTIONS_ORCHESTRATION_ID = orchestrationId
  try {
    let sent: Headers | undefined
    const github = createGitHubClient('ghp_test_token', {
      baseUrl: 'https://api.github.com',
      retry: { policy: defaultRetryPolicy, budget: new RetryBudget(0, Date.now), timing: realTiming },
      requestTimeoutMs: 5_000,
      redactor: new Redactor(),
      terms: ACTION_TERMS,
      fetch: async (_input, init) => {
        sent = new Headers(init?.headers)
        return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } })
      }
    })
    await github.request('GET', '/repos/o/r')
    return sent!
  } finally {
    if (saved === undefined) delete process.env.ACTIONS_ORCHESTRATION_ID
    else process.env.ACTIONS_ORCHESTRATION_ID = saved
  }
}

test('the token goes as `token …`, and the user agent is Octokit’s', async () => {
  const headers = await headersSent(undefined)
  expect(headers.get('authorization')).toBe('token ghp_test_token')
  expect(headers.get('user-agent')).toMatch(/^octokit-core\.js\/\d/)
  expect(headers.get('user-agent')).not.toMatch(/actions_orchestration_id/)
})

test('the runner’s orchestration ID goes in the user agent, as @actions/github adds it', async () => {
  const headers = await headersSent(' run-123/attempt 2 ')
  expect(headers.get('user-agent')).toMatch(/^actions_orchestration_id\/run-123_attempt_2 octokit-core\.js\/\d/)
})
