/**
 * What each kind of token needs for each target, as errors quote it. GitHub's permission tables
 * (docs/sources.md) put environment secrets under the repository permission "Environments", not
 * "Secrets", and a token that follows a wrong message stays refused.
 */
import { environmentTarget, organizationTarget, repositoryTarget } from '../../src/github/targets.js'

const repo = { owner: 'octo-org', repo: 'api-tests' }

test('an environment secret needs "Environments: read and write" (fine-grained) or environments: write (App)', () => {
  const { permission } = environmentTarget(repo, 'prod', 'BOX_REFRESH_TOKEN')
  expect(permission).toBe(
    'the repository permission "Environments: read and write" on octo-org/api-tests (fine-grained token), ' +
      'the `repo` scope (classic token) or `environments: write` (GitHub App)'
  )
  expect(permission).not.toMatch(/Secrets|secrets: write/)
})

test('repository, Dependabot and organization secrets keep their own permissions', () => {
  expect(repositoryTarget(repo, 'actions', 'T').permission).toMatch(/"Secrets: read and write".*`secrets: write`/)
  expect(repositoryTarget(repo, 'dependabot', 'T').permission).toMatch(
    /"Dependabot secrets: read and write".*`dependabot_secrets: write`/
  )
  expect(organizationTarget('octo-org', 'actions', 'T').permission).toMatch(
    /organization permission "Secrets: read and write".*`admin:org`.*organization `secrets: write`/
  )
})
