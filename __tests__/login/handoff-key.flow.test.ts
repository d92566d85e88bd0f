/**
 * `login --handoff-key-secret NAME`, in process: a fresh hand-off key stored beside the refresh
 * token (same places, same secret writer, sealed copy printed before the writes, never the key
 * itself), one that the action then seals and opens hand-offs with, and a key write that fails.
 */
import { decodeHandoffKey } from '../../src/handoff.js'
import { main } from '../../src/action/main.js'
import { pasteAll, printedRecoveryCommands } from '../support/paste.js'
import { loginTests, REPO, repositoryScope, SECRET, WRITE_TOKEN } from '../support/login.js'
import { recordingIO } from '../support/world.js'

const t = loginTests()
const KEY_SECRET = 'BOX_HANDOFF_KEY'

/** The key as stored, checked to be what `handoff-key` takes: 32 bytes in standard base64. */
function storedKey(scope = repositoryScope): string {
  const key = t.sim.github.getSecret(scope, KEY_SECRET)?.plaintext
  expect(key).toMatch(/^[A-Za-z0-9+/]{43}=$/)
  const decoded = decodeHandoffKey(key!)
  expect('key' in decoded && decoded.key.length).toBe(32)
  return key!
}

/** The key in every form a careless print could take. */
const forms = (key: string): string[] => [
  key,
  Buffer.from(key, 'base64').toString('base64url'),
  Buffer.from(key, 'base64').toString('hex')
]

test('stores a fresh hand-off key beside the token, never printed, that the action seals and opens hand-offs with', async () => {
  const result = await t.runLogin(t.baseArgs(['--repository', REPO, '--handoff-key-secret', KEY_SECRET]))

  expect(result.stderr).toBe('')
  expect(result.code).toBe(0)
  const key = storedKey()
  t.expectNothingSecretPrinted(result, forms(key))

  // Both secrets checked in the one round before Box, both written in the one round after.
  const checks = result.requests.slice(0, 4).sort()
  expect(checks).toEqual([
    'github GET /repos/octo-org/api-tests/actions/secrets/BOX_HANDOFF_KEY 404',
    'github GET /repos/octo-org/api-tests/actions/secrets/BOX_REFRESH_TOKEN 404',
    'github GET /repos/octo-org/api-tests/actions/secrets/public-key 200',
    'github GET /repos/octo-org/api-tests/actions/secrets/public-key 200'
  ])
  expect(result.requests.slice(4, 6)).toEqual(['box GET /api/oauth2/authorize 302', 'box POST /oauth2/token 200'])
  expect(result.requests.slice(6).sort()).toEqual([
    'github PUT /repos/octo-org/api-tests/actions/secrets/BOX_HANDOFF_KEY 201',
    'github PUT /repos/octo-org/api-tests/actions/secrets/BOX_REFRESH_TOKEN 201'
  ])

  // The sealed copies come before anything is reported stored, the token's first.
  const tokenCopy = result.stdout.indexOf('this command holds the only copy. This is a sealed copy of it')
  const keyCopy = result.stdout.indexOf(
    'A new hand-off key was made for `handoff-key` and sealed the same way. If it is not reported stored below'
  )
  const keyStored = result.stdout.indexOf(
    'Hand-off key stored in octo-org/api-tests BOX_HANDOFF_KEY (repository secret, created).'
  )
  expect(tokenCopy).toBeGreaterThan(0)
  expect(keyCopy).toBeGreaterThan(tokenCopy)
  expect(keyStored).toBeGreaterThan(keyCopy)
  expect(result.stdout).toContain('Token stored in octo-org/api-tests BOX_REFRESH_TOKEN (repository secret, created).')
  expect(printedRecoveryCommands(result.stdout)).toHaveLength(2)
  expect(result.stdout).toContain(
    'The hand-off key is stored in the repository secret BOX_HANDOFF_KEY of octo-org/api-tests. Give the rotating job ' +
      'and every job that takes its hand-off `handoff-key: ${{ secrets.BOX_HANDOFF_KEY }}` (docs/many-jobs.md).'
  )
  expect(result.visits[0]!.page).toContain('and the hand-off key beside it')

  // The action, as a workflow run would use both secrets: one job rotates and hands off, another opens it.
  const env = { GITHUB_API_URL: t.sim.githubApiUrl, GITHUB_REPOSITORY: REPO, GITHUB_RUN_ID: '77' }
  const timing = { now: Date.now, sleep: async () => {}, random: () => 0.5 }
  const rotating = recordingIO({
    'client-id': t.sim.box.client.id,
    'client-secret': t.sim.box.client.secret,
    'refresh-token': t.sim.github.getSecret(repositoryScope, SECRET)!.plaintext,
    'github-token': WRITE_TOKEN,
    repository: REPO,
    'box-api-url': t.sim.boxUrl,
    'handoff-key': key
  })
  await main({ io: rotating.io, env, fetch: globalThis.fetch, timing })
  expect(rotating.recorded.failed).toBeUndefined()
  const consuming = recordingIO({ handoff: rotating.recorded.outputs.handoff!, 'handoff-key': key })
  await main({ io: consuming.io, env, fetch: globalThis.fetch, timing })
  expect(consuming.recorded.failed).toBeUndefined()
  expect(consuming.recorded.outputs['access-token']).toBe(t.sim.box.issued[1]!.accessToken)
})

test('the key goes wherever the token goes: an organization secret and its Dependabot twin', async () => {
  t.sim.github.addOrganization('octo-org')
  const result = await t.runLogin(
    t.baseArgs(['--organization', 'octo-org', '--dependabot', '--handoff-key-secret', KEY_SECRET])
  )

  expect(result.code).toBe(0)
  const actions = storedKey({ kind: 'organization', org: 'octo-org', app: 'actions' })
  const dependabot = storedKey({ kind: 'organization', org: 'octo-org', app: 'dependabot' })
  expect(dependabot).toBe(actions) // one key, in both places, so jobs of either kind open each other's hand-offs
  expect(t.sim.github.getSecret({ kind: 'organization', org: 'octo-org', app: 'actions' }, KEY_SECRET)).toMatchObject({
    visibility: 'private'
  })
  expect(result.stdout).toContain(
    'Hand-off key stored in octo-org (organization) BOX_HANDOFF_KEY (Dependabot organization secret, created).'
  )
  t.expectNothingSecretPrinted(result, forms(actions))
})

test('a fresh key every time: running the command again replaces it', async () => {
  await t.runLogin(t.baseArgs(['--repository', REPO, '--handoff-key-secret', KEY_SECRET]))
  const first = storedKey()
  const again = await t.runLogin(t.baseArgs(['--repository', REPO, '--handoff-key-secret', KEY_SECRET]))
  expect(again.code).toBe(0)
  expect(again.stdout).toMatch(
    /The repository secret BOX_HANDOFF_KEY of octo-org\/api-tests exists .*it will be replaced\./
  )
  expect(storedKey()).not.toBe(first)
})

test('a key write that fails: the token is stored, exit 1, and the printed sealed command stores the key', async () => {
  t.sim.github.injectFault({
    method: 'PUT',
    pathIncludes: `/actions/secrets/${KEY_SECRET}`,
    fault: { kind: 'status', status: 422, message: 'Simulated refusal' }
  })
  const result = await t.runLogin(t.baseArgs(['--repository', REPO, '--handoff-key-secret', KEY_SECRET]))

  expect(result.code).toBe(1)
  expect(t.sim.github.getSecret(repositoryScope, SECRET)?.plaintext).toBe(t.sim.box.issued[0]!.refreshToken)
  expect(t.sim.github.getSecret(repositoryScope, KEY_SECRET)).toBeUndefined()
  expect(result.stdout).toContain('Token stored in octo-org/api-tests BOX_REFRESH_TOKEN (repository secret, created).')
  expect(result.stdout).toContain('It expires on')
  expect(result.stderr).toContain('The hand-off key was not stored (the refresh token is not affected by this):')
  expect(result.stderr).toContain(
    'GitHub rejected writing the repository secret BOX_HANDOFF_KEY of octo-org/api-tests (422 Simulated refusal).'
  )
  expect(result.stderr).not.toContain('store it by hand, soon') // that is the token's text, and the token is stored
  expect(result.visits[0]!.page).toContain('Hand-off key not stored')

  const commands = printedRecoveryCommands(result.stderr)
  expect(commands).toHaveLength(1)
  expect(printedRecoveryCommands(result.stdout)).toContain(commands[0]) // the sealed copy printed before the writes
  await pasteAll(commands, t.sim, WRITE_TOKEN)
  const key = storedKey()
  t.expectNothingSecretPrinted(result, forms(key))
})

test('both writes fail: the token recovery first, then the key', async () => {
  t.sim.github.injectFault({ method: 'PUT', times: Infinity, fault: { kind: 'status', status: 422 } })
  const result = await t.runLogin(t.baseArgs(['--repository', REPO, '--handoff-key-secret', KEY_SECRET]))

  expect(result.code).toBe(1)
  const token = result.stderr.indexOf('store it by hand, soon')
  const key = result.stderr.indexOf('The hand-off key was not stored')
  expect(token).toBeGreaterThan(0)
  expect(key).toBeGreaterThan(token)
  expect(result.visits[0]!.page).toContain('Not stored')
  t.sim.github.clearFaults()
  await pasteAll(printedRecoveryCommands(result.stderr), t.sim, WRITE_TOKEN)
  expect(t.sim.github.getSecret(repositoryScope, SECRET)?.plaintext).toBe(t.sim.box.issued[0]!.refreshToken)
  t.expectNothingSecretPrinted(result, forms(storedKey()))
})
