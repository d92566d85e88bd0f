/**
 * A small world for tests: a simulator with one repository, a write token, a Box client and a
 * secret that holds a valid refresh token, plus the invariant every fault test ends with. On
 * request it also holds a CCG app and a JWT app (authorized in an enterprise), and the leak scan
 * looks for their secrets too.
 */
import { createPrivateKey } from 'node:crypto'
import { main, type ActionIO, type Collaborators } from '../../src/action/main.js'
import type { RecoveryPayload } from '../../src/recovery.js'
import type { RunReport } from '../../src/action/report.js'
import { revokeAtJobEnd } from '../../src/action/post.js'
import type { Timing } from '../../src/retry.js'
import {
  startSimulator,
  type BoxJwtApp,
  type BoxServerApp,
  type JwtAppOptions,
  type ScopeRef,
  type ServerAppOptions,
  type Simulator,
  type SimulatorOptions
} from '../simulator/index.js'
import { skippingClock } from './clock.js'
import { scanForLeaks, type ActionRun, type LeakAllowances } from './harness.js'

export const REPO = 'octo-org/api-tests'
export const WRITE_TOKEN = 'github_pat_write_0123456789'
export const SECRET = 'BOX_REFRESH_TOKEN'
/**
 * A `handoff-key` as `openssl rand -base64 32` prints one, with + and / so that its URL-safe form
 * differs; every leak scan looks for it in each form.
 */
export const HANDOFF_KEY = 'DUKIA+onAL+r2EPO3/j5mzjnqNYSntt/zsQBgf6v3Ig='

export interface World {
  sim: Simulator
  /** The refresh token the secret holds and the run is given. */
  refreshToken: string
  scope: ScopeRef
  /** The inputs of a normal run, with overrides. */
  inputs(overrides?: Record<string, string>): Record<string, string>
  /** The env of a normal run (GITHUB_API_URL pointing at the simulator). */
  env(extra?: Record<string, string>): Record<string, string>
  /** A CCG app (`createWorld({ ccg })`): see ccgInputs. */
  ccg?: BoxServerApp
  /** A JWT app (`createWorld({ jwt })`): see jwtInputs. */
  jwt?: BoxJwtApp
  /**
   * More credentials the leak scan looks for, by name: a test adds what else must appear nowhere
   * (leaksOf already knows the world's apps, the assertions Box received and the parents of
   * downscoped tokens).
   */
  secrets: Record<string, string>
  close(): Promise<void>
}

export interface WorldOptions {
  simulator?: SimulatorOptions
  secretUpdatedAt?: Date
  /** Also make a CCG app, authorized in a new enterprise (true: the defaults). */
  ccg?: ServerAppOptions | boolean
  /** Also make a JWT app, authorized in a new enterprise, with its key pair and config (true: the defaults). */
  jwt?: JwtAppOptions | boolean
}

export async function createWorld(options: WorldOptions = {}): Promise<World> {
  const sim = await startSimulator(options.simulator)
  sim.github.addRepository(REPO)
  sim.github.addToken(WRITE_TOKEN, 'write')
  const refreshToken = sim.box.issueRefreshToken()
  const scope: ScopeRef = { kind: 'repository', repo: REPO }
  sim.github.setSecret(scope, SECRET, refreshToken, {
    updatedAt: options.secretUpdatedAt ?? new Date(Date.now() - 7 * 86_400_000)
  })
  return {
    sim,
    refreshToken,
    scope,
    inputs: (overrides = {}) => ({
      'client-id': sim.box.client.id,
      'client-secret': sim.box.client.secret,
      'refresh-token': refreshToken,
      'github-token': WRITE_TOKEN,
      'secret-name': SECRET,
      repository: REPO,
      'box-api-url': sim.boxUrl,
      ...overrides
    }),
    env: (extra = {}) => ({ GITHUB_API_URL: sim.githubApiUrl, GITHUB_REPOSITORY: REPO, ...extra }),
    ...(options.ccg ? { ccg: sim.box.createCcgApp(options.ccg === true ? {} : options.ccg) } : {}),
    ...(options.jwt ? { jwt: sim.box.createJwtApp(options.jwt === true ? {} : options.jwt) } : {}),
    secrets: {},
    close: () => sim.close()
  }
}

/**
 * The inputs of a CCG run for the world's CCG app, as the service account (the enterprise), with
 * overrides: no refresh token, no GitHub token.
 */
export function ccgInputs(world: World, overrides: Record<string, string> = {}): Record<string, string> {
  if (!world.ccg) throw new Error('ccgInputs: the world has no CCG app (createWorld({ ccg: true }))')
  return {
    'client-id': world.ccg.clientId,
    'client-secret': world.ccg.clientSecret,
    'box-subject-type': 'enterprise',
    'box-subject-id': world.ccg.enterpriseId,
    'box-api-url': world.sim.boxUrl,
    ...overrides
  }
}

/** The inputs of a JWT run for the world's JWT app: its config as downloaded, with overrides. */
export function jwtInputs(world: World, overrides: Record<string, string> = {}): Record<string, string> {
  if (!world.jwt) throw new Error('jwtInputs: the world has no JWT app (createWorld({ jwt: true }))')
  return { 'jwt-config': world.jwt.configText, 'box-api-url': world.sim.boxUrl, ...overrides }
}

/**
 * A JWT app's secrets, by name, in the forms a leak would take: the config file, the client secret,
 * the passphrase, the encrypted private key as PEM, its base64 body on one line and line by line
 * (a multi-line value is masked, and leaks, line by line), and the decrypted key's body.
 */
export function jwtSecrets(app: BoxJwtApp): Record<string, string> {
  const bodyLines = (pem: string): string[] =>
    pem.split('\n').filter((line) => line !== '' && !line.startsWith('-----'))
  const encrypted = bodyLines(app.privateKey)
  const decrypted = createPrivateKey({ key: app.privateKey, passphrase: app.passphrase })
    .export({ type: 'pkcs8', format: 'pem' })
    .toString()
  return {
    jwtConfig: app.configText,
    jwtClientSecret: app.clientSecret,
    jwtPassphrase: app.passphrase,
    jwtPrivateKey: app.privateKey,
    jwtPrivateKeyBody: encrypted.join(''),
    ...Object.fromEntries(encrypted.map((line, i) => [`jwtPrivateKeyLine${i + 1}`, line])),
    jwtDecryptedKeyBody: bodyLines(decrypted).join('')
  }
}

export interface Recorded {
  outputs: Record<string, string>
  exported: Record<string, string>
  masked: string[]
  /** Every line the action printed, in order, with its kind; masks included as `add-mask`. */
  log: Array<{ kind: 'info' | 'warning' | 'notice' | 'failed' | 'add-mask' | 'group' | 'endgroup'; text: string }>
  summary: string
  /** What the run kept for its post step (the runner's state file). */
  state: Record<string, string>
  failed?: string
}

/** An ActionIO that records everything, for in-process runs of main(). */
export function recordingIO(inputs: Record<string, string>): { io: ActionIO; recorded: Recorded } {
  const recorded: Recorded = { outputs: {}, exported: {}, masked: [], log: [], summary: '', state: {} }
  const io: ActionIO = {
    getInput: (name) => inputs[name] ?? '',
    setSecret: (value) => {
      recorded.masked.push(value)
      recorded.log.push({ kind: 'add-mask', text: value })
    },
    setOutput: (name, value) => void (recorded.outputs[name] = value),
    exportVariable: (name, value) => void (recorded.exported[name] = value),
    info: (text) => void recorded.log.push({ kind: 'info', text }),
    warning: (text) => void recorded.log.push({ kind: 'warning', text }),
    setFailed: (text) => {
      recorded.failed = text
      recorded.log.push({ kind: 'failed', text })
    },
    startGroup: (name) => void recorded.log.push({ kind: 'group', text: name }),
    endGroup: () => void recorded.log.push({ kind: 'endgroup', text: '' }),
    appendSummary: async (markdown) => void (recorded.summary += markdown),
    notice: (text) => void recorded.log.push({ kind: 'notice', text }),
    saveState: (name, value) => void (recorded.state[name] = value),
    getState: (name) => recorded.state[name] ?? ''
  }
  return { io, recorded }
}

/** What a person would do with the recovery output: PUT each payload with a token that can write. */
export async function applyRecovery(world: World, payloads: RecoveryPayload[]): Promise<void> {
  world.sim.github.clearFaults()
  world.sim.github.addToken('recovery-token', 'write')
  for (const payload of payloads) {
    const response = await fetch(world.sim.githubApiUrl + payload.path, {
      method: payload.method,
      headers: { authorization: 'token recovery-token', 'content-type': 'application/json' },
      body: JSON.stringify(payload.body)
    })
    if (!response.ok)
      throw new Error(`recovery PUT ${payload.path} answered ${response.status}: ${await response.text()}`)
  }
}

export type ChainState =
  | 'old token still valid, secret unchanged'
  | 'secret holds the new valid token'
  | 'recovery payload restores the new valid token'

/**
 * The one invariant: after any run, the token chain can continue without re-authorization. Either
 * Box never consumed the old token (and the secret still holds it), or the secret holds a valid
 * new one, or the printed recovery payload, applied, stores a valid new one.
 */
export async function tokenChainState(
  world: World,
  recoveryOutput?: string,
  scope: ScopeRef = world.scope,
  name = SECRET
): Promise<ChainState> {
  const { box, github } = world.sim
  const stored = github.getSecret(scope, name)?.plaintext
  if (stored === world.refreshToken && box.isRefreshTokenValid(stored)) return 'old token still valid, secret unchanged'
  if (stored !== undefined && box.isRefreshTokenValid(stored)) return 'secret holds the new valid token'
  if (recoveryOutput) {
    await applyRecovery(world, JSON.parse(recoveryOutput) as RecoveryPayload[])
    const recovered = github.getSecret(scope, name)?.plaintext
    if (recovered !== undefined && box.isRefreshTokenValid(recovered))
      return 'recovery payload restores the new valid token'
  }
  throw new Error(
    `token chain lost: old token valid=${box.isRefreshTokenValid(world.refreshToken)}, secret valid=${stored !== undefined && box.isRefreshTokenValid(stored)}, recovery=${recoveryOutput ? 'given' : 'none'}`
  )
}

export interface FlowRun {
  recorded: Recorded
  report: RunReport
  /** Every backoff wait the run asked for, in ms (none were really waited). */
  slept: number[]
}

/**
 * Runs main() in this process against the world's simulator. Sleeps are not waited: the clock
 * jumps instead, so retry budgets and retry-after behave as in a real run, instantly, and the
 * same on a quiet machine and a loaded one.
 */
export async function runFlow(
  world: World,
  overrides: Record<string, string> = {},
  env: Record<string, string> = {},
  ioOverrides: Partial<ActionIO> = {},
  deps: Partial<Omit<Collaborators, 'io' | 'env' | 'timing'>> = {}
): Promise<FlowRun> {
  return runFlowWith(world, world.inputs(overrides), env, ioOverrides, deps)
}

/** runFlow with exactly these inputs: a client-credentials or JWT run (ccgInputs, jwtInputs), say. */
export async function runFlowWith(
  world: World,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
  ioOverrides: Partial<ActionIO> = {},
  deps: Partial<Omit<Collaborators, 'io' | 'env' | 'timing'>> = {}
): Promise<FlowRun> {
  const { io: recordingOnly, recorded } = recordingIO(inputs)
  const io = { ...recordingOnly, ...ioOverrides }
  const slept: number[] = []
  // Not the wall clock plus the sleeps: the time a loaded machine takes over each request would eat
  // into the retry budget, and a test that counts the retries that fit would count one fewer.
  const timing = skippingClock(Date.now(), slept)
  const report = await main({ io, env: world.env(env), fetch: globalThis.fetch, timing, ...deps })
  return { recorded, report, slept }
}

/**
 * The post step (action.yml `runs.post`) in this process, as the runner runs it after the main
 * step: the same inputs, the state the main step saved, and a clock of its own.
 */
export async function runPostFlow(inputs: Record<string, string>, state: Record<string, string>): Promise<Recorded> {
  const { io, recorded } = recordingIO(inputs)
  Object.assign(recorded.state, state)
  const timing: Timing = { now: () => Date.now(), sleep: async () => undefined, random: () => 0.5 }
  await revokeAtJobEnd({ io, fetch: globalThis.fetch, timing })
  return recorded
}

/**
 * What a run of the bundle in this world left where it should not: every credential the world
 * knows (the old and the newest refresh token, the client secret, the write token, the hand-off
 * key; the CCG and JWT apps' secrets; every JWT assertion Box received; every token a downscoped
 * token was made from; every CCG or JWT token but the newest; `world.secrets`), with the newest
 * access token Box issued (a downscoped child, when there is one) allowed where the action hands
 * it out.
 */
export function leaksOf(world: World, run: ActionRun, allow: Omit<LeakAllowances, 'accessToken'> = {}): string[] {
  const { box } = world.sim
  const issued = box.issued.at(-1)
  const handedOut = box.issuedTokens.at(-1)?.accessToken
  const secrets: Record<string, string> = {
    oldRefreshToken: world.refreshToken,
    clientSecret: world.sim.box.client.secret,
    githubToken: WRITE_TOKEN,
    handoffKey: HANDOFF_KEY,
    // The key's bytes as other encodings would print them.
    handoffKeyBase64url: Buffer.from(HANDOFF_KEY, 'base64').toString('base64url'),
    handoffKeyHex: Buffer.from(HANDOFF_KEY, 'base64').toString('hex')
  }
  if (issued) secrets.newRefreshToken = issued.refreshToken
  if (world.ccg) secrets.ccgClientSecret = world.ccg.clientSecret
  if (world.jwt) Object.assign(secrets, jwtSecrets(world.jwt))
  box.receivedAssertions.forEach((assertion, i) => (secrets[`assertion${i + 1}`] = assertion))
  box.issuedTokens.forEach((token, i) => {
    const isParent = box.issuedTokens.some((t) => t.parent === token.accessToken)
    const isServerToken = token.grant === 'client_credentials' || token.grant === 'jwt-bearer'
    if (token.accessToken !== handedOut && (isParent || isServerToken))
      secrets[`issuedTokens[${i}] (${token.grant}${isParent ? ', a parent' : ''})`] = token.accessToken
  })
  Object.assign(secrets, world.secrets)
  return scanForLeaks(run, secrets, { accessToken: handedOut, ...allow })
}
