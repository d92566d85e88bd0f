/**
 * After Box issued the token, in process: the sealed copy is printed before any write, and a write
 * that fails leaves a recovery command that, pasted into bash, stores the token.
 */
import { commandBody, pasteAll, printedRecoveryCommands } from '../support/paste.js'
import { loginTests, REPO, repositoryScope, SECRET, WRITE_TOKEN } from '../support/login.js'

const t = loginTests()

test('a write that fails after the exchange prints the sealed recovery payload, which stores the token', async () => {
  t.sim.github.injectFault({
    method: 'PUT',
    pathIncludes: '/actions/secrets/',
    fault: { kind: 'status', status: 422, message: 'Simulated refusal' }
  })
  const result = await t.runLogin(t.baseArgs(['--repository', REPO]))

  expect(result.code).toBe(1)
  expect(result.stdout).not.toContain('Token stored')
  expect(result.stderr).toContain(
    'GitHub rejected writing the repository secret BOX_REFRESH_TOKEN of octo-org/api-tests (422 Simulated refusal).'
  )
  expect(result.stderr).toContain('store it by hand, soon')
  expect(result.visits[0]!.page).toContain('Not stored')
  t.expectNothingSecretPrinted(result)

  // What a person does with it: the printed command's JSON, PUT as it is.
  const body = commandBody(result.stderr)
  const path = `/repos/${REPO}/actions/secrets/${SECRET}`
  expect(result.stderr).toContain(path)
  const put = await fetch(`${t.sim.githubApiUrl}${path}`, {
    method: 'PUT',
    headers: { authorization: `token ${WRITE_TOKEN}` },
    body
  })
  expect(put.status).toBe(201)
  expect(t.sim.github.getSecret(repositoryScope, SECRET)?.plaintext).toBe(t.sim.box.issued[0]!.refreshToken)
  expect(t.sim.box.isRefreshTokenValid(t.sim.box.issued[0]!.refreshToken)).toBe(true)
})

test('the sealed copy is printed before the first write, and the printed command alone stores the token', async () => {
  t.sim.github.injectFault({ method: 'PUT', times: Infinity, fault: { kind: 'status', status: 502 } })
  const result = await t.runLogin(t.baseArgs(['--repository', REPO]))
  expect(result.code).toBe(1)
  const sealedCopy = result.stdout.indexOf('Box has issued a refresh token, and this command holds the only copy.')
  expect(sealedCopy).toBeGreaterThan(0)
  expect(result.stdout.indexOf('Box issued a token pair.')).toBeLessThan(sealedCopy)
  const commands = printedRecoveryCommands(result.stdout)
  expect(commands).toHaveLength(1)
  t.sim.github.clearFaults()
  await pasteAll(commands, t.sim, WRITE_TOKEN)
  expect(t.sim.github.getSecret(repositoryScope, SECRET)?.plaintext).toBe(t.sim.box.issued[0]!.refreshToken)
})
