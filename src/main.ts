/**
 * One rotation: check everything that can be checked, refresh at Box, write the new refresh token
 * back, hand out the access token.
 *
 * Ordered around one fact: once Box answers, the old refresh token is dead and the only copy of
 * the new one is in this process. So everything that can fail without Box is checked first (one
 * parallel round of reads), the refresh is the single request in the middle, and every write that
 * still fails after its retries leaves a sealed recovery payload behind.
 */
import { refreshTokenPair, type TokenPair } from './box.js'
import { explainRefreshFailure, holdsStaleToken, rotationWarning, staleTokenNote, REFRESH_TOKEN_LIFETIME_DAYS, type ChainContext } from './diagnostics.js'
import { createGitHubClient } from './github.js'
import { credentialInputs, InputError, NOTHING_USED, readConfig, type Config } from './inputs.js'
import { postmanEnvironment, writePostmanEnvironment } from './postman.js'
import { preflight } from './preflight.js'
import { recoveryInstructions, summaryMarkdown, type RunReport } from './report.js'
import { defaultRetryPolicy, retryNotice, type RetryEvent, type RetryPolicy, type Timing } from './retry.js'
import { loadSealer } from './seal.js'
import { secretTargets } from './secrets.js'
import { writeBack } from './writeback.js'

/** The slice of @actions/core the action uses; tests pass a recorder. */
export interface ActionIO {
  getInput(name: string): string
  setSecret(value: string): void
  setOutput(name: string, value: string): void
  exportVariable(name: string, value: string): void
  info(message: string): void
  warning(message: string): void
  setFailed(message: string): void
  appendSummary(markdown: string): Promise<void>
}

export interface Collaborators {
  io: ActionIO
  env: NodeJS.ProcessEnv
  /** Used for Box. */
  fetch: typeof fetch
  timing: Timing
  /** Backoff shape; the time budget always comes from `retry-timeout-seconds`. */
  backoff?: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>
  /** Tests only: a fetch for GitHub; a real run keeps the toolkit's proxy-aware one. */
  githubFetch?: typeof fetch
}

const DAY_MS = 86_400_000

export async function run(deps: Collaborators): Promise<RunReport> {
  const { io } = deps
  // Masked before anything else can print, including validation messages.
  for (const name of credentialInputs) {
    const value = io.getInput(name).trim()
    if (value !== '') io.setSecret(value)
  }

  let config: Config
  try {
    config = readConfig((name) => io.getInput(name), deps.env)
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    return failBeforeBox(io, error.list)
  }

  // Started now so that loading libsodium overlaps the preflight requests.
  const sealer = loadSealer()
  sealer.catch(() => undefined)

  const policy: RetryPolicy = { ...defaultRetryPolicy, ...deps.backoff, budgetMs: config.retryBudgetMs }
  const logRetry = (service: string) => (event: RetryEvent): void => io.info(retryNotice(service, event))
  const github = createGitHubClient(config.githubToken, {
    baseUrl: config.githubApiUrl,
    timing: deps.timing,
    policy,
    requestTimeoutMs: config.requestTimeoutMs,
    fetch: deps.githubFetch,
    onRetry: logRetry('GitHub')
  })
  const targets = secretTargets(config)

  // Round 1: every check that does not involve Box.
  io.info(`Checking ${targets.map((t) => t.label).join(' and ')}…`)
  const checked = await preflight(github, config, targets, sealer)
  if (!checked.ok) return failBeforeBox(io, checked.problems.join('\n'))
  const { prepared } = checked

  const chain: ChainContext = {
    now: new Date(deps.timing.now()),
    secretLabel: prepared[0].target.label,
    secretUpdatedAt: prepared[0].existing?.updatedAt,
    runQueuedAt: checked.runQueuedAt
  }
  for (const p of prepared) if (p.existing === undefined) io.info(`The ${p.target.label} does not exist yet; it will be created.`)
  // A token that another run has already used can only earn invalid_grant, and presenting a used
  // refresh token is what OAuth servers treat as a replay: do not send it.
  if (holdsStaleToken(chain)) return failBeforeBox(io, `${staleTokenNote(chain)}\nThis run did not call Box.`)
  const warnings: string[] = []
  const ageWarning = rotationWarning(chain)
  if (ageWarning) {
    warnings.push(ageWarning)
    io.warning(ageWarning)
  }

  if (config.dryRun) {
    for (const p of prepared) io.info(`Dry run: would write the ${p.target.label} (public key ${p.publicKey.keyId}${p.settings.visibility ? `, visibility ${String(p.settings.visibility)}` : ''}).`)
    io.setOutput('secret-updated', 'false')
    const report: RunReport = { dryRun: true, results: prepared.map((p) => ({ target: p.target, outcome: 'checked' })), warnings }
    await writeSummary(io, report)
    return report
  }

  // Round 2: the refresh. From its answer on, the new refresh token exists only in this process.
  io.info(`Refreshing the Box token pair at ${config.boxApiUrl}/oauth2/token…`)
  let pair: TokenPair
  try {
    pair = await refreshTokenPair(config, config.refreshToken, {
      fetch: deps.fetch,
      timing: deps.timing,
      policy,
      requestTimeoutMs: config.requestTimeoutMs,
      mask: (value) => io.setSecret(value),
      onRetry: logRetry('Box')
    })
  } catch (error) {
    const message = explainRefreshFailure(error, chain)
    io.setFailed(message)
    const report: RunReport = { dryRun: false, results: [], warnings, failure: { stage: 'box', message } }
    await writeSummary(io, report)
    return report
  }
  const refreshedAt = deps.timing.now()
  const accessTokenExpiresAt = new Date(refreshedAt + pair.expiresIn * 1000)
  const refreshTokenExpiresAt = new Date(refreshedAt + REFRESH_TOKEN_LIFETIME_DAYS * DAY_MS)
  io.info(`Box issued a new token pair; the access token expires at ${accessTokenExpiresAt.toISOString()}.`)

  // Round 3: every target written in parallel.
  const results = await writeBack(github, checked.sealer, prepared, pair.refreshToken, config.githubApiUrl, (target, outcome) =>
    io.info(`${outcome === 'created' ? 'Created' : 'Updated'} the ${target.label}.`)
  )
  const failed = results.flatMap((r) => (r.outcome === 'failed' ? [r] : []))
  const recoveries = failed.flatMap((f) => (f.recovery ? [f.recovery] : []))

  // The recovery goes out first: nothing after this point may stand between it and the log.
  const lateProblems: string[] = []
  const attempt = async (what: string, step: () => void | Promise<void>): Promise<void> => {
    try {
      await step()
    } catch (error) {
      lateProblems.push(`${what} failed: ${(error as Error).message}`)
    }
  }
  if (failed.length > 0) {
    await attempt('Setting the `recovery` output', () => io.setOutput('recovery', JSON.stringify(recoveries)))
    io.setFailed([...failed.map((f) => f.message), ...(recoveries.length > 0 ? [recoveryInstructions(recoveries)] : [])].join('\n'))
  }

  await attempt('Setting the outputs', () => {
    io.setOutput('access-token', pair.accessToken)
    io.setOutput('expires-in', String(pair.expiresIn))
    io.setOutput('expires-at', accessTokenExpiresAt.toISOString())
    io.setOutput('refresh-token-expires-at', refreshTokenExpiresAt.toISOString())
    io.setOutput('secret-updated', failed.length === 0 ? 'true' : 'false')
    if (config.exportEnv) io.exportVariable('BOX_ACCESS_TOKEN', pair.accessToken)
  })

  const report: RunReport = { dryRun: false, results, accessTokenExpiresAt, refreshTokenExpiresAt, warnings }
  const postmanPath = config.postmanEnvironment
  if (postmanPath !== undefined) {
    await attempt(`Writing the Postman environment file ${postmanPath}`, async () => {
      await writePostmanEnvironment(postmanPath, postmanEnvironment(pair.accessToken, accessTokenExpiresAt))
      io.setOutput('postman-environment', postmanPath)
      report.postmanEnvironment = postmanPath
    })
  }
  await writeSummary(io, report)
  if (lateProblems.length > 0) {
    const written = failed.length === 0 ? 'The refresh token was stored as reported above; ' : ''
    io.setFailed(`${written}${lateProblems.join('\n')}`)
  }
  return report
}

async function failBeforeBox(io: ActionIO, message: string): Promise<RunReport> {
  io.setFailed(`${message}\n${NOTHING_USED}`)
  const report: RunReport = { dryRun: false, results: [], warnings: [], failure: { stage: 'preflight', message } }
  await writeSummary(io, report)
  return report
}

/** The summary is a courtesy: a summary file that cannot be written must not change the outcome. */
async function writeSummary(io: ActionIO, report: RunReport): Promise<void> {
  await io.appendSummary(summaryMarkdown(report)).catch((error: Error) => io.warning(`The job summary could not be written: ${error.message}`))
}
