/**
 * The world's apps and its leak scan, on runs made up here (no bundle): every secret of a CCG or
 * JWT world is looked for, in the forms it would leak in, and only the token handed out is allowed.
 */
import { grantForm, postToken, tokenFrom } from '../simulator/box-client.js'
import { generateAppKeyPair, signAssertion } from '../simulator/index.js'
import type { ActionRun } from './harness.js'
import { ccgInputs, createWorld, jwtInputs, jwtSecrets, leaksOf, type World } from './world.js'

let world: World

afterEach(async () => {
  await world?.close()
})

/** A run that left nothing anywhere, with some of it replaced. */
function runWith(parts: Partial<ActionRun>): ActionRun {
  return {
    code: 0,
    signal: null,
    stdout: '',
    stderr: '',
    outputs: {},
    env: {},
    state: {},
    summary: '',
    workspace: '/nowhere',
    runnerTemp: '/nowhere/temp',
    files: {},
    fileModes: {},
    durationMs: 0,
    timedOut: false,
    ...parts
  }
}

const ccgToken = (): Promise<string> => tokenFrom(world.sim, grantForm.clientCredentials(world.ccg!))

const downscope = (parent: string): Promise<string> => tokenFrom(world.sim, grantForm.exchange(parent))

it('gives a CCG world and a JWT world their inputs', async () => {
  world = await createWorld({ ccg: true, jwt: { keyPair: generateAppKeyPair() } })
  expect(ccgInputs(world, { scopes: 'item_preview' })).toEqual({
    'client-id': world.ccg!.clientId,
    'client-secret': world.ccg!.clientSecret,
    'box-subject-type': 'enterprise',
    'box-subject-id': world.ccg!.enterpriseId,
    'box-api-url': world.sim.boxUrl,
    scopes: 'item_preview'
  })
  expect(jwtInputs(world)).toEqual({ 'jwt-config': world.jwt!.configText, 'box-api-url': world.sim.boxUrl })
  expect(JSON.parse(jwtInputs(world)['jwt-config']!).enterpriseID).toBe(world.jwt!.enterpriseId)
})

it('says which app a world lacks', async () => {
  world = await createWorld()
  expect(() => ccgInputs(world)).toThrow(/createWorld\(\{ ccg: true \}\)/)
  expect(() => jwtInputs(world)).toThrow(/createWorld\(\{ jwt: true \}\)/)
})

it('finds each form of a JWT app’s secrets, and the assertions Box received', async () => {
  world = await createWorld({ jwt: true })
  const app = world.jwt!
  const assertion = signAssertion(app, app.enterpriseId)
  await postToken(world.sim, grantForm.jwt(app, assertion))
  const secrets = jwtSecrets(app)
  const keyLines = app.privateKey.split('\n').slice(1, -2)
  expect(secrets.jwtPrivateKeyBody).toBe(keyLines.join(''))
  expect(secrets.jwtPrivateKeyLine2).toBe(keyLines[1])
  expect(secrets.jwtDecryptedKeyBody).toMatch(/^MII[A-Za-z0-9+/=]+$/)

  expect(leaksOf(world, runWith({}))).toEqual([])
  const run = runWith({
    stdout: `config: ${JSON.stringify(app.config)}\n`,
    stderr: `line: ${keyLines[3]}\n`,
    summary: `passphrase ${app.passphrase}`,
    files: { '/nowhere/debug.txt': `assertion=${encodeURIComponent(assertion)}` }
  })
  const findings = leaksOf(world, run)
  expect(findings).toEqual(
    expect.arrayContaining([
      'jwtPrivateKey appears in stdout line 1 and is never masked',
      'jwtClientSecret appears in stdout line 1 and is never masked',
      'jwtPrivateKeyLine4 appears in stderr line 1',
      'jwtPassphrase appears in the job summary',
      'assertion1 appears in file /nowhere/debug.txt'
    ])
  )
})

it('allows the downscoped child where the action hands it out, and finds its parent anywhere', async () => {
  world = await createWorld({ ccg: true })
  const parent = await ccgToken()
  const child = await downscope(parent)
  const handedOut = runWith({
    outputs: { 'access-token': child },
    env: { BOX_ACCESS_TOKEN: child },
    state: { revoke: `${child} ${parent}` }
  })
  expect(leaksOf(world, handedOut, { inState: [child, parent] })).toEqual([])
  expect(leaksOf(world, handedOut)).toEqual([
    "issuedTokens[0] (client_credentials, a parent) appears in GITHUB_STATE 'revoke'",
    "accessToken appears in GITHUB_STATE 'revoke'"
  ])
  expect(leaksOf(world, runWith({ outputs: { 'access-token': parent } }))).toEqual([
    "issuedTokens[0] (client_credentials, a parent) appears in output 'access-token'"
  ])
})

it('finds a CCG token that is not the newest, the CCG client secret, and what a test adds', async () => {
  world = await createWorld({ ccg: true })
  const [first, newest] = [await ccgToken(), await ccgToken()]
  world.secrets.handPicked = 'a-value-only-this-test-knows'
  const run = runWith({
    outputs: { 'access-token': newest },
    stdout: `${first}\n${world.ccg!.clientSecret}\na-value-only-this-test-knows\n`
  })
  expect(leaksOf(world, run)).toEqual([
    'ccgClientSecret appears in stdout line 2 and is never masked',
    'issuedTokens[0] (client_credentials) appears in stdout line 1 and is never masked',
    'handPicked appears in stdout line 3 and is never masked'
  ])
})

it('still allows the newest OAuth access token and finds the parent of a downscoped OAuth token', async () => {
  world = await createWorld()
  const access = await tokenFrom(world.sim, grantForm.refresh(world.sim.box.client, world.refreshToken))
  expect(leaksOf(world, runWith({ outputs: { 'access-token': access } }))).toEqual([])
  const child = await downscope(access)
  expect(leaksOf(world, runWith({ outputs: { 'access-token': child } }))).toEqual([])
  expect(leaksOf(world, runWith({ outputs: { 'access-token': access } }))).toEqual([
    "issuedTokens[0] (refresh_token, a parent) appears in output 'access-token'"
  ])
})
