/**
 * Which way into Box the inputs name, decided before any request: OAuth 2.0, client credentials
 * or JWT, each with its own inputs; a mix, or an input of one mode given to another, refused with
 * every problem at once and the inputs of each mode named; a JWT config checked field by field,
 * every value of it masked even when it is refused.
 */
import { InputError, readConfig, type ActionConfig, type MintConfig } from '../../src/action/inputs.js'
import type { InputProblem } from '../../src/action/input-reader.js'
import { FakeBox } from '../simulator/box.js'

const env = { GITHUB_WORKSPACE: '/work/space', GITHUB_RUN_ID: '42', GITHUB_REPOSITORY: 'octo-org/api-tests' }
const box = new FakeBox()
const jwtApp = box.createJwtApp()
const ccg = {
  'client-id': 'abc123clientid',
  'client-secret': 'client-secret-value',
  'box-subject-type': 'enterprise',
  'box-subject-id': '1234567'
}
const jwt = { 'jwt-config': jwtApp.configText }

async function read(inputs: Record<string, string>, masked: string[] = []): Promise<ActionConfig> {
  return readConfig(
    (name) => inputs[name] ?? '',
    env,
    (value) => masked.push(value)
  )
}

async function mint(inputs: Record<string, string>): Promise<MintConfig> {
  const config = await read(inputs)
  if (config.mode === 'oauth') throw new Error('expected client credentials or JWT')
  return config
}

async function problemsOf(inputs: Record<string, string>, masked: string[] = []): Promise<InputProblem[]> {
  const refused = await read(inputs, masked).then(
    () => undefined,
    (error: unknown) => error
  )
  expect(refused).toBeInstanceOf(InputError)
  return (refused as InputError).problems
}

describe('the mode follows from the inputs', () => {
  test('`box-subject-type` without `refresh-token` or `jwt-config`: client credentials, revoked by default', async () => {
    const config = await mint(ccg)
    expect(config).toMatchObject({
      mode: 'ccg',
      credentials: { mode: 'ccg', clientId: 'abc123clientid', clientSecret: 'client-secret-value' },
      subject: { type: 'enterprise', id: '1234567' },
      revoke: true,
      boxApiUrl: 'https://api.box.com'
    })
    expect(config.downscope).toBeUndefined()
  })

  test('`jwt-config`: JWT, as the config enterprise, every value of the config masked', async () => {
    const masked: string[] = []
    const config = await read(jwt, masked)
    expect(config).toMatchObject({ mode: 'jwt', subject: { type: 'enterprise', id: jwtApp.enterpriseId } })
    expect(masked).toEqual(expect.arrayContaining([jwtApp.clientSecret, jwtApp.passphrase, jwtApp.privateKey]))
    expect(masked).not.toContain(jwtApp.enterpriseId) // no credential, and its mask would blot out numbers
  })

  test('JWT as a user: `box-subject-type: user` with the user ID', async () => {
    const config = await mint({ ...jwt, 'box-subject-type': 'user', 'box-subject-id': '555' })
    expect(config.subject).toEqual({ type: 'user', id: '555' })
  })

  test('`revoke: false` keeps the tokens alive; scopes and resource give every mode a downscope', async () => {
    const config = await mint({
      ...ccg,
      revoke: 'false',
      scopes: 'item_preview\nitem_download  item_preview',
      resource: 'https://api.box.com/2.0/folders/42'
    })
    expect(config.revoke).toBe(false)
    expect(config.downscope).toEqual({
      scopes: ['item_preview', 'item_download'],
      resource: 'https://api.box.com/2.0/folders/42'
    })
  })

  test('OAuth 2.0 as before; `revoke: true` given is remembered for a notice, never acted on', async () => {
    const oauth = {
      'client-id': 'abc123clientid',
      'client-secret': 'client-secret-value',
      'refresh-token': 'refresh-token-value',
      'github-token': 'github_pat_value'
    }
    await expect(read(oauth)).resolves.toMatchObject({ mode: 'oauth', revokeAsked: false })
    await expect(read({ ...oauth, revoke: 'true' })).resolves.toMatchObject({ mode: 'oauth', revokeAsked: true })
    await expect(read({ ...oauth, revoke: 'false' })).resolves.toMatchObject({ revokeAsked: false })
  })
})

describe('refused before any request, every problem at once', () => {
  test('no mode at all: the refresh token is asked for, and the message names the inputs of each mode', async () => {
    const problems = await problemsOf({ 'client-id': 'abc', 'client-secret': 'def' })
    const refresh = problems.find((p) => p.input === 'refresh-token')
    expect(refresh?.message).toMatch(/is empty/)
    expect(refresh?.message).toMatch(/JWT takes `jwt-config`; client credentials take `client-id`/)
  })

  test('JWT and OAuth 2.0 together', async () => {
    const problems = await problemsOf({ ...jwt, 'refresh-token': 'rt', 'github-token': 'gh' })
    expect(problems.map((p) => p.input)).toContain('jwt-config')
    expect(problems.find((p) => p.input === 'jwt-config')?.message).toMatch(
      /cannot be combined with `refresh-token`.*OAuth 2\.0 takes `refresh-token`/
    )
  })

  test('client credentials given the inputs of OAuth 2.0: each named, with what it would have done', async () => {
    const problems = await problemsOf({
      ...ccg,
      'github-token': 'gh',
      environment: 'prod',
      handoff: 'x',
      'handoff-key': 'y',
      dependabot: 'true',
      'failure-issue': 'true'
    })
    expect(problems.map((p) => p.input).sort()).toEqual(
      ['dependabot', 'environment', 'failure-issue', 'github-token', 'handoff', 'handoff-key'].sort()
    )
    for (const problem of problems)
      expect(problem.message).toMatch(/that is OAuth 2\.0 alone, and this job uses client credentials/)
  })

  test('inputs a mode fills in when not given are not counted as given', async () => {
    await expect(mint({ ...ccg, dependabot: 'false', 'failure-issue': 'false' })).resolves.toMatchObject({
      mode: 'ccg'
    })
  })

  test('JWT given the client ID and secret too: they come from the config', async () => {
    const problems = await problemsOf({ ...jwt, 'client-id': 'x', 'client-secret': 'y' })
    expect(problems.map((p) => p.input).sort()).toEqual(['client-id', 'client-secret'])
    expect(problems[0]!.message).toMatch(/comes from `jwt-config` in JWT mode/)
  })

  test('`box-subject-id` alone still means client credentials, and the subject type is asked for', async () => {
    const problems = await problemsOf({ ...ccg, 'box-subject-type': '' })
    expect(problems.find((p) => p.input === 'box-subject-type')?.message).toMatch(/is empty: say whom/)
  })

  test.each([
    ['a subject type Box does not know', { 'box-subject-type': 'service' }, 'box-subject-type', /`enterprise`.*`user`/],
    ['no subject ID', { 'box-subject-id': '' }, 'box-subject-id', /is empty: give your enterprise ID/],
    ['a subject ID that is not digits', { 'box-subject-id': '12a' }, 'box-subject-id', /digits only/],
    ['no client secret', { 'client-secret': '' }, 'client-secret', /is empty/]
  ])('client credentials with %s', async (_, change, input, message) => {
    const problems = await problemsOf({ ...ccg, ...change })
    expect(problems.find((p) => p.input === input)?.message).toMatch(message)
  })

  test('JWT as a user without the user ID', async () => {
    const problems = await problemsOf({ ...jwt, 'box-subject-type': 'user' })
    expect(problems.find((p) => p.input === 'box-subject-id')?.message).toMatch(/the ID of the user/)
  })

  test.each([
    ['not JSON', '{"boxAppSettings": ', /not valid JSON/],
    ['a field missing', JSON.stringify({ ...jwtApp.config, enterpriseID: undefined }), /enterpriseID/],
    [
      'a passphrase that does not open the key',
      JSON.stringify({
        ...jwtApp.config,
        boxAppSettings: {
          ...jwtApp.config.boxAppSettings,
          appAuth: { ...jwtApp.config.boxAppSettings.appAuth, passphrase: 'not-the-passphrase-0123' }
        }
      }),
      /passphrase/
    ]
  ])(
    'a broken `jwt-config` (%s) is refused naming the field, its values masked all the same',
    async (_, text, message) => {
      const masked: string[] = []
      const problems = await problemsOf({ 'jwt-config': text }, masked)
      const problem = problems.find((p) => p.input === 'jwt-config')
      expect(problem?.message).toMatch(message)
      for (const secret of [jwtApp.clientSecret, jwtApp.passphrase, jwtApp.privateKey]) {
        expect(JSON.stringify(problems)).not.toContain(secret)
        if (text.includes(JSON.stringify(secret).slice(1, -1))) expect(masked).toContain(secret)
      }
    }
  )
})
