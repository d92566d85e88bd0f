/**
 * One rotation: check everything that can be checked, refresh at Box, write the new refresh token
 * back, hand out the access token.
 *
 * Ordered around one fact: once Box answers, the old refresh token is dead and the only copy of
 * the new one is in this process. So everything that can fail without Box is checked first (one
 * parallel round of reads), the refresh is the single request in the middle, and the moment its
 * answer is validated the new token is sealed for every target and logged (the write-ahead copy)
 * before any write is tried (handout.ts). From there on nothing can lose it: a failed write, a
 * cancellation or a bug leaves the sealed copy in the log and, where the process still can, in the
 * error too.
 */
import { refreshTokenPair } from './box.js'
import {
  currentRefreshTokenExpiry,
  GITHUB_TOKEN_WARNING_DAYS,
  githubTokenWarning,
  type ChainOutlook
} from './chain-outlook.js'
import {
  explainRefreshFailure,
  holdsStaleToken,
  refreshTokenExpiry,
  rotationWarning,
  staleTokenNote,
  type ChainContext
} from './diagnostics.js'
import { reportToIssue } from './failure-issue.js'
import { createGitHubClient, type GitHubClient } from './github.js'
import { ACTION_TERMS } from './github-messages.js'
import { storeAndHandOut } from './handout.js'
import { consumeHandoff } from './consume.js'
import { credentialInputs, InputError, NOTHING_USED, readConfig, readHandoffConfig, type Config } from './inputs.js'
import { redacting, writeSummary, type ActionIO } from './io.js'
import { preflight } from './preflight.js'
import { RecoveryLedger } from './recovery.js'
import { Redactor } from './redact.js'
import type { RunReport } from './report.js'
import {
  defaultRetryPolicy,
  retryNotice,
  RetryBudget,
  type RetryContext,
  type RetryEvent,
  type RetryPolicy,
  type Timing
} from './retry.js'
import { nextScheduledRun } from './schedule.js'
import { loadSealer } from './seal.js'
import { lastWritten, type PreparedTarget } from './secrets.js'
import { secretTargets } from './targets.js'
import { DAY_MS } from './time.js'
import type { TokenPair } from './token-answer.js'

export type { ActionIO } from './io.js'

export interface Collaborators {
  io: ActionIO
  env: NodeJS.ProcessEnv
  /** Used for Box. */
  fetch: typeof fetch
  timing: Timing
  /** Backoff shape; the time budget always comes from `retry-timeout-seconds`. */
  backoff?: RetryPolicy
  /** Tests only: a fetch for GitHub; a real run keeps the toolkit's proxy-aware one. */
  githubFetch?: typeof fetch
  /** Aborted on the first SIGINT or SIGTERM: no request starts any more, and GitHub requests stop. */
  cancel?: AbortSignal
  /** Aborted when even a Box request in flight must be given up (its answer may hold the new token). */
  stop?: AbortSignal
  /** Keeps the sealed copies where the entry can still reach them if run() itself fails. */
  ledger?: RecoveryLedger
  /** Learns every credential of the run, so the entry's last words can be cleaned too. */
  redactor?: Redactor
}

export async function run(deps: Collaborators): Promise<RunReport> {
  const redactor = deps.redactor ?? new Redactor()
  // Every line, error and summary is scrubbed of the credentials this redactor learns.
  const io = redacting(deps.io, redactor)
  const mask = (value: string): void => {
    io.setSecret(value)
    redactor.add(value)
  }
  // Masked before anything else can print, including validation messages.
  for (const name of credentialInputs) {
    const value = deps.io.getInput(name).trim()
    if (value !== '') mask(value)
  }

  let config: Config
  try {
    // A job with a hand-off only opens it: no Box, no GitHub, no rotation.
    if (deps.io.getInput('handoff').trim() !== '') {
      return await consumeHandoff(
        io,
        readHandoffConfig((name) => deps.io.getInput(name), deps.env),
        deps.timing.now()
      )
    }
    config = readConfig((name) => deps.io.getInput(name), deps.env)
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    return failBeforeBox(io, error.list, {})
  }

  // Every error the rotation reports is kept for the failure issue, when there is one.
  const failures: string[] = []
  const report = await rotate(
    deps,
    { ...io, setFailed: (message) => (failures.push(message), io.setFailed(message)) },
    config,
    redactor,
    mask
  )
  if (config.failureIssue && !deps.cancel?.aborted) await tellTheIssue(io, config, failures, report, deps)
  return report
}

/** Rounds 1 to 3: the checks, the refresh, the write-back, and what the run hands out. */
async function rotate(
  deps: Collaborators,
  io: ActionIO,
  config: Config,
  redactor: Redactor,
  mask: (value: string) => void
): Promise<RunReport> {
  // Started now so that loading libsodium overlaps the preflight requests.
  const sealer = loadSealer()
  sealer.catch(() => undefined)
  const budget = new RetryBudget(config.retryBudgetMs, deps.timing.now)
  const retry: RetryContext = {
    policy: deps.backoff ?? defaultRetryPolicy,
    budget,
    timing: deps.timing,
    cancel: deps.cancel
  }
  const logRetry =
    (service: string) =>
    (event: RetryEvent): void =>
      io.info(retryNotice(service, event))
  const github = createGitHubClient(config.githubToken, {
    baseUrl: config.githubApiUrl,
    retry,
    requestTimeoutMs: config.requestTimeoutMs,
    redactor,
    terms: ACTION_TERMS,
    fetch: deps.githubFetch,
    onRetry: logRetry('GitHub')
  })

  // Round 1: every check that does not involve Box.
  const targets = secretTargets(config)
  io.info(`Checking ${targets.map((t) => t.label).join(' and ')}…`)
  const checked = await preflight(github, config, targets, sealer)
  const now = new Date(deps.timing.now())
  const outlook: ChainOutlook = { asOf: now, githubTokenExpiresAt: github.tokenExpiresAt() }
  const warnings: string[] = []
  if (!checked.ok) {
    await warnAboutGitHubToken(io, outlook, deps.env, warnings)
    return failBeforeBox(io, checked.problems.join('\n'), outlook)
  }
  const { prepared } = checked
  for (const p of prepared)
    if (p.existing === undefined) io.info(`The ${p.target.label} does not exist yet; it will be created.`)
  const chain: ChainContext = {
    now,
    secretLabel: prepared[0].target.label,
    secretUpdatedAt: prepared[0].existing?.updatedAt,
    runQueuedAt: checked.runQueuedAt
  }
  outlook.secretLastRotatedAt = chain.secretUpdatedAt
  outlook.refreshTokenExpiresAt = currentRefreshTokenExpiry(chain.secretUpdatedAt)
  // A token that another run has already used can only earn invalid_grant, and presenting a used
  // refresh token is what OAuth servers treat as a replay: do not send it.
  if (holdsStaleToken(chain)) return failBeforeBox(io, `${staleTokenNote(chain)}\nThis run did not call Box.`, outlook)
  const ageWarning = rotationWarning(chain)
  if (ageWarning !== undefined) {
    warnings.push(ageWarning)
    io.warning(ageWarning)
  }
  if (config.dryRun) {
    await warnAboutGitHubToken(io, outlook, deps.env, warnings)
    return dryRun(io, prepared, warnings, outlook)
  }
  if (deps.cancel?.aborted) return failBeforeBox(io, 'The run was cancelled before Box was called.', outlook)

  // Round 2: the refresh. From its answer on, the new refresh token exists only in this process.
  io.info(`Refreshing the Box token pair at ${config.boxApiUrl}/oauth2/token…`)
  let pair: TokenPair
  try {
    pair = await refreshTokenPair(config, config.refreshToken, {
      fetch: deps.fetch,
      retry: { ...retry, onRetry: logRetry('Box') },
      stop: deps.stop,
      requestTimeoutMs: config.requestTimeoutMs,
      mask,
      redactor
    })
  } catch (error) {
    await warnAboutGitHubToken(io, outlook, deps.env, warnings)
    return failAtBox(io, error, chain, github, prepared[0], warnings, outlook)
  }

  // Round 3: the write-back, and what the run hands out.
  const refreshedAt = deps.timing.now()
  outlook.refreshTokenExpiresAt = refreshTokenExpiry(refreshedAt)
  // Told after the sealed copies are logged: a warning must never stand before them.
  const warnLater = (): Promise<void> => warnAboutGitHubToken(io, outlook, deps.env, warnings)
  const ledger = deps.ledger ?? new RecoveryLedger()
  return storeAndHandOut({
    io,
    config,
    github,
    prepared,
    sealer: checked.sealer,
    pair,
    refreshedAt,
    budget,
    warnings,
    ledger,
    outlook,
    beforeReport: warnLater
  })
}

/** The GitHub token's expiry, when GitHub said it is near: a warning, with the next scheduled run if known. */
async function warnAboutGitHubToken(
  io: ActionIO,
  outlook: ChainOutlook,
  env: NodeJS.ProcessEnv,
  warnings: string[]
): Promise<void> {
  const expires = outlook.githubTokenExpiresAt
  if (expires === undefined || expires.getTime() - outlook.asOf.getTime() > GITHUB_TOKEN_WARNING_DAYS * DAY_MS) return
  outlook.nextScheduledRun = await nextScheduledRun(env, outlook.asOf)
  const warning = githubTokenWarning(outlook, outlook.asOf, ACTION_TERMS)
  if (warning === undefined) return
  warnings.push(warning)
  io.warning(warning)
}

/** The failure issue, after everything else: opened or updated on failure, closed on success. */
async function tellTheIssue(
  io: ActionIO,
  config: Config,
  failures: string[],
  report: RunReport,
  deps: Collaborators
): Promise<void> {
  const env = deps.env
  const repository = config.run?.repository ?? {
    owner: env.GITHUB_REPOSITORY?.split('/')[0] ?? '',
    repo: env.GITHUB_REPOSITORY?.split('/')[1] ?? ''
  }
  const client = createGitHubClient(config.issueToken, {
    baseUrl: config.githubApiUrl,
    // A few quick tries at most: the issue is a courtesy and must not hold up the step.
    retry: {
      policy: deps.backoff ?? defaultRetryPolicy,
      budget: new RetryBudget(10_000, deps.timing.now),
      timing: deps.timing,
      cancel: deps.cancel
    },
    requestTimeoutMs: Math.min(config.requestTimeoutMs, 10_000),
    redactor: new Redactor(),
    terms: ACTION_TERMS,
    fetch: deps.githubFetch
  })
  const server =
    env.GITHUB_SERVER_URL && /^https?:\/\/[^\s/]+$/.test(env.GITHUB_SERVER_URL) ? env.GITHUB_SERVER_URL : undefined
  const runUrl = server && config.run ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${config.run.id}` : undefined
  const outcome = await reportToIssue(client, failures, {
    repository,
    runUrl,
    refreshTokenExpiresAt: report.outlook?.refreshTokenExpiresAt,
    now: new Date(deps.timing.now())
  })
  if (outcome.kind === 'problem')
    io.warning(
      `The failure issue could not be updated (\`failure-issue\`): ${outcome.message} Give the job \`permissions: issues: write\`.`
    )
  else if (outcome.kind !== 'none') {
    const verb = { opened: 'Opened', commented: 'Commented on', closed: 'Closed' }[outcome.kind]
    io.info(`${verb} the failure issue #${outcome.number} in ${repository.owner}/${repository.repo}.`)
  }
}

async function dryRun(
  io: ActionIO,
  prepared: PreparedTarget[],
  warnings: string[],
  outlook: ChainOutlook
): Promise<RunReport> {
  for (const p of prepared) {
    const visibility = p.settings.visibility ? `, visibility ${String(p.settings.visibility)}` : ''
    io.info(`Dry run: would write the ${p.target.label} (public key ${p.publicKey.keyId}${visibility}).`)
  }
  io.setOutput('secret-updated', 'false')
  const report: RunReport = {
    dryRun: true,
    results: prepared.map((p) => ({ target: p.target, outcome: 'checked' })),
    warnings,
    outlook
  }
  await writeSummary(io, report)
  return report
}

async function failBeforeBox(io: ActionIO, message: string, outlook: Partial<ChainOutlook>): Promise<RunReport> {
  io.setFailed(`${message}\n${NOTHING_USED}`)
  const report: RunReport = {
    dryRun: false,
    results: [],
    warnings: [],
    failure: { stage: 'preflight', message },
    outlook: outlook.asOf ? (outlook as ChainOutlook) : undefined
  }
  await writeSummary(io, report)
  return report
}

/**
 * Box refused or never answered. After invalid_grant, the secret is read once more: if another
 * run wrote it since this run's check, that run won a race and the chain is intact.
 */
async function failAtBox(
  io: ActionIO,
  error: unknown,
  chain: ChainContext,
  github: GitHubClient,
  first: PreparedTarget,
  warnings: string[],
  outlook: ChainOutlook
): Promise<RunReport> {
  if ((error as { kind?: unknown })?.kind === 'invalid_grant') {
    const written = await lastWritten(github, first.target)
    const before = chain.secretUpdatedAt?.getTime() ?? -Infinity
    if (written !== undefined && written.getTime() > before) chain.rotatedMeanwhileAt = written
  }
  const message = explainRefreshFailure(error, chain)
  io.setFailed(message)
  const report: RunReport = { dryRun: false, results: [], warnings, failure: { stage: 'box', message }, outlook }
  await writeSummary(io, report)
  return report
}
