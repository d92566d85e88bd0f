/**
 * A rotation, and what it hands out, in process (main() against the simulator): the flow, its
 * request rounds and its options. (The same through the bundle: rotation.bundle.test.ts.)
 */
import { mkdtemp, readFile, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createWorld, runFlow, REPO, SECRET, type World } from '../support/world.js'

let world: World
afterEach(() => world?.close())

describe('in process', () => {
  test('rotates: secret holds the new valid token, outputs are set, masks come first', async () => {
    world = await createWorld({ simulator: { boxExpiresIn: 3895 } })
    const before = Date.now()
    const { recorded, report } = await runFlow(world)
    expect(recorded.failed).toBeUndefined()
    const issued = world.sim.box.issued[0]
    expect(world.sim.github.getSecret(world.scope, SECRET)?.plaintext).toBe(issued.refreshToken)
    expect(world.sim.box.isRefreshTokenValid(issued.refreshToken)).toBe(true)
    expect(world.sim.box.isRefreshTokenValid(world.refreshToken)).toBe(false)

    expect(recorded.outputs['access-token']).toBe(issued.accessToken)
    expect(recorded.outputs['expires-in']).toBe('3895')
    const expiresAt = Date.parse(recorded.outputs['expires-at'])
    expect(expiresAt).toBeGreaterThanOrEqual(before + 3895_000)
    expect(expiresAt).toBeLessThan(Date.now() + 3895_000 + 1000)
    expect(Date.parse(recorded.outputs['refresh-token-expires-at']) - expiresAt).toBeGreaterThan(59 * 86_400_000)
    expect(recorded.outputs['secret-updated']).toBe('true')
    expect(report.results.map((r) => r.outcome)).toEqual(['updated'])

    // Every credential is masked, and each mask precedes any other line.
    const masks = recorded.log.flatMap((l, i) => (l.kind === 'add-mask' ? [[l.text, i] as const] : []))
    for (const value of [world.refreshToken, world.sim.box.client.secret, issued.accessToken, issued.refreshToken]) {
      const mask = masks.find(([text]) => text === value)
      expect(mask).toBeDefined()
      const firstUse = recorded.log.findIndex((l) => l.kind !== 'add-mask' && l.text.includes(value))
      expect(firstUse).toBe(-1)
    }
    expect(recorded.summary).toMatch(
      /\| `BOX_REFRESH_TOKEN` \(repository secret\) \| octo-org\/api-tests \| ✅ updated \|/
    )
    expect(recorded.summary).toMatch(/Access token expires/)
    expect(recorded.summary).not.toContain(issued.accessToken)
  })

  test('exactly three request rounds: preflight reads in parallel, the refresh, the write', async () => {
    // A small delay per answer, so that requests sent together are seen together.
    world = await createWorld({ simulator: { delayMs: 30 } })
    await runFlow(world)
    const rounds: string[][] = []
    let roundEnd = -Infinity
    for (const r of world.sim.requests) {
      if (r.startedAt >= roundEnd) rounds.push([])
      rounds.at(-1)!.push(`${r.method} ${r.path}`)
      roundEnd = Math.max(roundEnd, r.endedAt ?? r.startedAt)
    }
    expect(rounds).toEqual([
      expect.arrayContaining([
        `GET /repos/${REPO}/actions/secrets/public-key`,
        `GET /repos/${REPO}/actions/secrets/${SECRET}`
      ]),
      ['POST /oauth2/token'],
      [`PUT /repos/${REPO}/actions/secrets/${SECRET}`]
    ])
  })

  test('a secret that does not exist yet is created', async () => {
    world = await createWorld()
    const { recorded, report } = await runFlow(world, { 'secret-name': 'NEW_BOX_TOKEN' })
    expect(recorded.failed).toBeUndefined()
    expect(report.results[0].outcome).toBe('created')
    expect(recorded.log.some((l) => /does not exist yet; it will be created/.test(l.text))).toBe(true)
    expect(world.sim.github.getSecret(world.scope, 'NEW_BOX_TOKEN')?.plaintext).toBe(
      world.sim.box.issued[0].refreshToken
    )
  })

  test('writes the Postman environment (0600, access token only) and exports BOX_ACCESS_TOKEN', async () => {
    world = await createWorld()
    const dir = await mkdtemp(path.join(tmpdir(), 'btr-'))
    const file = path.join(dir, 'box.postman_environment.json')
    const { recorded } = await runFlow(world, { 'postman-environment': file, 'export-env': 'true' })
    expect(recorded.failed).toBeUndefined()
    const issued = world.sim.box.issued[0]
    expect(recorded.outputs['postman-environment']).toBe(file)
    expect(recorded.exported).toEqual({ BOX_ACCESS_TOKEN: issued.accessToken })
    expect((await stat(file)).mode & 0o777).toBe(0o600)
    const environment = JSON.parse(await readFile(file, 'utf8'))
    const values = Object.fromEntries(environment.values.map((v: { key: string; value: unknown }) => [v.key, v.value]))
    expect(values).toEqual({
      access_token: issued.accessToken,
      expires_at: Date.parse(recorded.outputs['expires-at']),
      box_env_type: 'BEARER'
    })
    expect(environment._postman_variable_scope).toBe('environment')
    const text = await readFile(file, 'utf8')
    expect(text).not.toContain(issued.refreshToken)
    expect(text).not.toContain(world.sim.box.client.secret)
  })

  test('dry run: checks GitHub, never calls Box, writes nothing', async () => {
    world = await createWorld()
    const { recorded, report } = await runFlow(world, { 'dry-run': 'true' })
    expect(recorded.failed).toBeUndefined()
    expect(world.sim.requests.filter((r) => r.service === 'box')).toHaveLength(0)
    expect(world.sim.requests.filter((r) => r.method === 'PUT')).toHaveLength(0)
    expect(report.results.map((r) => r.outcome)).toEqual(['checked'])
    expect(recorded.outputs).toEqual({ 'secret-updated': 'false' })
    expect(recorded.log.some((l) => /Dry run: would write the repository secret BOX_REFRESH_TOKEN/.test(l.text))).toBe(
      true
    )
    expect(recorded.summary).toMatch(/Dry run/)
  })

  test('a secret older than 45 days gets a warning, and the rotation still happens', async () => {
    world = await createWorld({ secretUpdatedAt: new Date(Date.now() - 50 * 86_400_000) })
    const { recorded } = await runFlow(world)
    expect(recorded.failed).toBeUndefined()
    expect(recorded.log.some((l) => l.kind === 'warning' && /50 days ago.*schedule/s.test(l.text))).toBe(true)
    expect(recorded.summary).toMatch(/⚠️/)
  })
})
