/**
 * A rotation must not load the JWT code (the JWT config reader, the signing, node:crypto's key
 * handling): it lives in a chunk of its own that only JWT mode imports. Proven the direct way: a
 * copy of dist/ without that chunk still rotates, and still mints with client credentials, while
 * JWT mode from the same copy cannot run at all (so the chunk found is the one JWT needs).
 */
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REPO_ROOT, runAction } from '../support/harness.js'
import { assertFreshBundle } from '../support/bundle-guard.js'
import { ccgInputs, createWorld, jwtInputs, tokenChainState, type World } from '../support/world.js'

let world: World
let copy: string
afterEach(() => world?.close())
afterAll(() => rm(copy, { recursive: true, force: true }))

/** dist/ copied aside, without the chunk that holds the JWT grant; its name. */
beforeAll(async () => {
  assertFreshBundle()
  copy = await mkdtemp(join(tmpdir(), 'box-token-refresh-dist-'))
  await cp(join(REPO_ROOT, 'dist'), copy, { recursive: true })
  const chunks = (await readdir(copy)).filter((name) => /^\d+\.index\.js$/.test(name))
  const jwtChunks: string[] = []
  for (const name of chunks)
    if ((await readFile(join(copy, name), 'utf8')).includes('urn:ietf:params:oauth:grant-type:jwt-bearer'))
      jwtChunks.push(name)
  expect(jwtChunks).toHaveLength(1) // the JWT code is in one chunk, and not in dist/index.js
  expect(await readFile(join(copy, 'index.js'), 'utf8')).not.toContain('urn:ietf:params:oauth:grant-type:jwt-bearer')
  await rm(join(copy, jwtChunks[0]!))
})

test('a rotation runs without the JWT chunk', async () => {
  world = await createWorld()
  const run = await runAction(world.inputs(), { env: world.env(), script: join(copy, 'index.js') })
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  expect(await tokenChainState(world)).toBe('secret holds the new valid token')
})

test('client credentials run without it too', async () => {
  world = await createWorld({ ccg: true })
  const run = await runAction(ccgInputs(world), { env: world.env(), script: join(copy, 'index.js') })
  expect(run.code).toBe(0)
})

test('JWT mode cannot run without it: the chunk removed is the one JWT loads', async () => {
  world = await createWorld({ jwt: true })
  const run = await runAction(jwtInputs(world), { env: world.env(), script: join(copy, 'index.js') })
  expect(run.code).not.toBe(0)
  expect(run.stdout + run.stderr).toMatch(/Cannot find module|ERR_MODULE_NOT_FOUND/)
  expect(world.sim.requests).toEqual([])
})
