/**
 * A small world for tests: a simulator with one repository, a write token, a Box client and a
 * secret that holds a valid refresh token, plus the invariant every fault test ends with.
 */
import { run, type ActionIO, type Collaborators } from '../../src/main.js'
import type { RecoveryPayload } from '../../src/recovery.js'
import type { RunReport } from '../../src/report.js'
import type { Timing } from '../../src/retry.js'
import { startSimulator, type ScopeRef, type Simulator, type SimulatorOptions } from '../simulator/index.js'
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
  close(): Promise<void>
}

export async function createWorld(
  options: { simulator?: SimulatorOptions; secretUpdatedAt?: Date } = {}
): Promise<World> {
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
    close: () => sim.close()
  }
}

export interface Recorded {
  outputs: Record<string, string>
  exported: Record<string, string>
  masked: string[]
  /** Every line the action printed, in order, with its kind; masks included as `add-mask`. */
  log: Array<{ kind: 'info' | 'warning' | 'failed' | 'add-mask' | 'group' | 'endgroup'; text: string }>
  summary: string
  failed?: string
}

/** An ActionIO that records everything, for in-process runs of main.run(). */
export function recordingIO(inputs: Record<string, string>): { io: ActionIO; recorded: Recorded } {
  const recorded: Recorded = { outputs: {}, exported: {}, masked: [], log: [], summary: '' }
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
    appendSummary: async (markdown) => void (recorded.summary += markdown)
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
 * Runs main.run() in this process against the world's simulator. Sleeps are not waited: the clock
 * jumps instead, so retry budgets and retry-after behave as in a real run, instantly.
 */
export async function runFlow(
  world: World,
  overrides: Record<string, string> = {},
  env: Record<string, string> = {},
  ioOverrides: Partial<ActionIO> = {},
  deps: Partial<Omit<Collaborators, 'io' | 'env' | 'timing'>> = {}
): Promise<FlowRun> {
  const { io: recordingOnly, recorded } = recordingIO(world.inputs(overrides))
  const io = { ...recordingOnly, ...ioOverrides }
  const slept: number[] = []
  let offset = 0
  const timing: Timing = {
    now: () => Date.now() + offset,
    sleep: async (ms) => {
      slept.push(ms)
      offset += ms
    },
    random: () => 0.5
  }
  const report = await run({ io, env: world.env(env), fetch: globalThis.fetch, timing, ...deps })
  return { recorded, report, slept }
}

/**
 * What a run of the bundle in this world left where it should not: every credential the world
 * knows (the old and the newest refresh token, the client secret, the write token, the hand-off
 * key), with the newest access token allowed where the action hands it out.
 */
export function leaksOf(world: World, run: ActionRun, allow: Omit<LeakAllowances, 'accessToken'> = {}): string[] {
  const issued = world.sim.box.issued.at(-1)
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
  return scanForLeaks(run, secrets, { accessToken: issued?.accessToken, ...allow })
}
