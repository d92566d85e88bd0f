/**
 * `npm run demo`: one run of the bundled action (dist/index.js) against the simulator, exactly as
 * the runner would run it, then what happened: the log as the runner shows it (masked), the
 * requests, the outputs, the job summary and a check of the rotated secret.
 *
 *   npm run demo                              a normal rotation
 *   npm run demo -- --scenario=write-fails    GitHub refuses the write: the recovery payload, applied
 *   npm run demo -- --scenario=handoff        a rotation, then a later job of the same run opens its hand-off
 *   npm run demo -- --scenario=ccg            client credentials: a token minted, then revoked by the post step
 *   npm run demo -- --scenario=jwt            the same with a JWT app's config and key pair
 *   npm run demo -- --scenario=downscope      a rotation that hands out a downscoped token, never the full one
 *   npm run demo -- --delay=100               add latency to every answer (the three rounds show)
 *   npm run demo -- --help                    usage
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { REPO_ROOT, maskedValues, runAction, runPostStep, scanForLeaks, type ActionRun } from '../support/harness.js'
import { ccgInputs, createWorld, jwtInputs, leaksOf, tokenChainState } from '../support/world.js'
import { describeRequests, startSimulator } from './index.js'

const REPOSITORY = 'octo-org/api-tests'
const SECRET = 'BOX_REFRESH_TOKEN'
/** The workflow's own hand-off key (a real one comes from `openssl rand -base64 32`). */
const HANDOFF_KEY = Buffer.from('demo hand-off key: 32 bytes long').toString('base64')
const scope = { kind: 'repository', repo: REPOSITORY } as const

/**
 * What the runner does to a log: drop mask commands, replace every masked value with ***, show a
 * group as a collapsible title (its lines indented here) and an error as "Error:".
 */
function masked(text: string, run: ActionRun): string {
  const values = maskedValues(run).sort((a, b) => b.length - a.length)
  let inGroup = false
  return text
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .flatMap((line) => {
      if (line.startsWith('::group::')) {
        inGroup = true
        return [`▸ ${line.slice('::group::'.length)}  (collapsed in the runner's log)`]
      }
      if (line === '::endgroup::') {
        inGroup = false
        return []
      }
      const shown = line
        .replace(/^::(error|warning)::/, (_, kind: string) => `${kind === 'error' ? 'Error' : 'Warning'}: `)
        .replace(/%0A/g, '\n    ')
      return [inGroup ? `    ${shown}` : shown]
    })
    .map((line) => values.reduce((l, v) => l.split(v).join('***'), line))
    .join('\n')
}

const SCENARIOS = ['rotate', 'write-fails', 'handoff', 'ccg', 'jwt', 'downscope']

const USAGE = `Usage: npm run demo [-- options]

Runs the bundled action (dist/index.js) once against the built-in Box + GitHub simulator on
127.0.0.1, as the runner would, and shows the masked log, the requests, the outputs, the job
summary and the state of the token chain. Nothing leaves this machine.

Options:
  --scenario=rotate        a normal rotation (default)
  --scenario=write-fails   GitHub refuses the write: the recovery payload, then applied
  --scenario=handoff       a rotation, then a later job of the same run opens its hand-off
  --scenario=ccg           client credentials: a token for the enterprise, revoked by the post step
  --scenario=jwt           JWT: the same, from a JWT app's config (signed assertion, key pair)
  --scenario=downscope     a rotation whose access token is downscoped (root_readonly); the full one
                           never leaves the step
  --delay=MS               add MS milliseconds to every simulated answer (default 0)
  -h, --help               show this text

Exit status: 0 when the run did what the scenario expects, 1 otherwise, 2 for a bad option.
`

/** One run as a person reads it: the log as the runner shows it, the requests, the outputs, the summary. */
function show(run: ActionRun, delayMs: number, requests: string[]): void {
  heading(
    `the step's log, as the runner shows it (exit code ${run.code}, ${run.durationMs} ms, ${delayMs} ms delay per answer)`
  )
  console.log(indent(masked(run.stdout + run.stderr, run)))
  heading('requests the action made')
  console.log(indent(requests.length > 0 ? requests.join('\n') : '(none)'))
  heading('step outputs (masked values as ***)')
  for (const [name, value] of Object.entries(run.outputs)) console.log(`  ${name} = ${masked(value, run)}`)
  if (Object.keys(run.outputs).length === 0) console.log('  (none)')
  heading('job summary (GITHUB_STEP_SUMMARY)')
  console.log(indent(run.summary.trim() === '' ? '(none)' : run.summary))
}

const indent = (text: string): string => text.trimEnd().replace(/^/gm, '  ')
const heading = (title: string): void => console.log(`\n── ${title} ${'─'.repeat(Math.max(0, 70 - title.length))}`)

async function main(): Promise<number> {
  let flags: { delay: string; scenario: string; help: boolean }
  try {
    flags = parseArgs({
      options: {
        delay: { type: 'string', default: '0' },
        scenario: { type: 'string', default: 'rotate' },
        help: { type: 'boolean', short: 'h', default: false }
      }
    }).values
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`)
    return 2
  }
  if (flags.help) {
    console.log(USAGE)
    return 0
  }
  const delayMs = Number(flags.delay)
  if (!/^\d+$/.test(flags.delay)) {
    console.error(`--delay=${flags.delay}: give a whole number of milliseconds.\n\n${USAGE}`)
    return 2
  }
  if (!SCENARIOS.includes(flags.scenario)) {
    console.error(`Unknown --scenario=${flags.scenario}: use ${SCENARIOS.join(', ')}.\n\n${USAGE}`)
    return 2
  }
  if (!existsSync(join(REPO_ROOT, 'dist', 'index.js'))) {
    console.error('dist/index.js does not exist yet: run `npm run bundle` first.')
    return 1
  }
  if (flags.scenario === 'ccg' || flags.scenario === 'jwt') return serverDemo(flags.scenario, delayMs)
  if (flags.scenario === 'downscope') return downscopeDemo(delayMs)
  const sim = await startSimulator({ delayMs })
  try {
    const refreshToken = sim.box.issueRefreshToken({ ageDays: 6 })
    sim.github.addRepository(REPOSITORY)
    sim.github.addToken('ghp_demo_token', 'write')
    sim.github.addRun(REPOSITORY, 1001, { createdAt: new Date() }) // GITHUB_RUN_ID of the harness
    sim.github.setSecret(scope, SECRET, refreshToken, { updatedAt: new Date(Date.now() - 6 * 86_400_000) })
    if (flags.scenario === 'write-fails') {
      sim.github.refuseSecretWrites()
    }

    console.log(`Simulated Box at ${sim.boxUrl}, simulated GitHub at ${sim.githubApiUrl}; scenario: ${flags.scenario}.`)
    console.log(
      `Running node dist/index.js as the runner does (INPUT_* variables, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files)…`
    )
    const run = await runAction(
      {
        'client-id': sim.box.client.id,
        'client-secret': sim.box.client.secret,
        'refresh-token': refreshToken,
        'github-token': 'ghp_demo_token',
        'box-api-url': sim.boxUrl,
        'postman-environment': 'box.postman_environment.json',
        'retry-timeout-seconds': '5',
        ...(flags.scenario === 'handoff' ? { 'handoff-key': HANDOFF_KEY } : {})
      },
      { env: { GITHUB_API_URL: sim.githubApiUrl, GITHUB_REPOSITORY: REPOSITORY } }
    )

    show(run, delayMs, describeRequests(sim.requests))
    const newPair = sim.box.issued.at(-1)
    heading('the token chain')
    if (flags.scenario === 'write-fails') {
      const payloads = JSON.parse(run.outputs.recovery ?? '[]') as Array<{
        method: string
        path: string
        body: unknown
      }>
      console.log(
        `  secret still holds the old, used token: ${sim.github.getSecret(scope, SECRET)?.plaintext === refreshToken}`
      )
      console.log(`  applying the recovery payload with a token that can write (what \`gh api\` would send)…`)
      sim.github.clearFaults()
      for (const p of payloads) {
        const response = await fetch(sim.githubApiUrl + p.path, {
          method: p.method,
          headers: { authorization: 'token ghp_demo_token' },
          body: JSON.stringify(p.body)
        })
        console.log(`  ${p.method} ${p.path} → ${response.status}`)
      }
    }
    const stored = sim.github.getSecret(scope, SECRET)?.plaintext
    console.log(
      `  secret ${SECRET} now decrypts to Box's new refresh token: ${stored !== undefined && stored === newPair?.refreshToken}`
    )
    console.log(
      `  Box accepts it as a valid refresh token: ${stored !== undefined && sim.box.isRefreshTokenValid(stored)}`
    )
    console.log(`  the old refresh token is used up at Box: ${!sim.box.isRefreshTokenValid(refreshToken)}`)

    // Every secret the demo knows; the access token and the Postman file are where it may stand.
    const leaksIn = (ran: ActionRun): string[] =>
      scanForLeaks(
        ran,
        {
          refreshToken,
          newRefreshToken: newPair?.refreshToken ?? '',
          clientSecret: sim.box.client.secret,
          githubToken: 'ghp_demo_token',
          handoffKey: HANDOFF_KEY
        },
        { accessToken: newPair?.accessToken, postmanFile: 'box.postman_environment.json' }
      )
    const leaks = leaksIn(run)
    console.log(
      `  leak scan of everything the run left behind: ${leaks.length === 0 ? 'clean' : '\n    ' + leaks.join('\n    ')}`
    )
    const chainOk = stored !== undefined && sim.box.isRefreshTokenValid(stored)
    const expectedExit = flags.scenario === 'write-fails' ? 1 : 0
    const rotated = run.code === expectedExit && chainOk && leaks.length === 0
    if (flags.scenario !== 'handoff') return rotated ? 0 : 1

    // Another job of the same workflow run takes the access token from the hand-off.
    console.log(
      `\nRunning node dist/index.js again, as a later job of the same run would, with the rotating job's \`handoff\` output…`
    )
    const before = sim.requests.length
    const consumer = await runAction(
      {
        handoff: run.outputs.handoff ?? '',
        'handoff-key': HANDOFF_KEY,
        'postman-environment': 'box.postman_environment.json'
      },
      { env: { GITHUB_API_URL: sim.githubApiUrl, GITHUB_REPOSITORY: REPOSITORY } }
    )
    show(consumer, delayMs, describeRequests(sim.requests.slice(before)))
    const sameToken = consumer.outputs['access-token'] === newPair?.accessToken
    const consumerLeaks = leaksIn(consumer)
    heading('the hand-off')
    console.log(`  the later job has the rotating job's access token: ${sameToken}`)
    console.log(`  requests it made to Box or GitHub: ${sim.requests.length - before}`)
    console.log(
      `  leak scan of everything it left behind: ${consumerLeaks.length === 0 ? 'clean' : '\n    ' + consumerLeaks.join('\n    ')}`
    )
    return rotated && consumer.code === 0 && sameToken && sim.requests.length === before && consumerLeaks.length === 0
      ? 0
      : 1
  } finally {
    await sim.close()
  }
}

/** Client credentials or JWT: the main step mints a token, the post step revokes it when the job ends. */
async function serverDemo(mode: 'ccg' | 'jwt', delayMs: number): Promise<number> {
  const world = await createWorld({ simulator: { delayMs }, [mode]: true })
  try {
    const { box } = world.sim
    const inputs = (mode === 'ccg' ? ccgInputs : jwtInputs)(world, {
      'postman-environment': 'box.postman_environment.json',
      'retry-timeout-seconds': '5'
    })
    console.log(
      `Simulated Box at ${world.sim.boxUrl}; scenario: ${mode} (${mode === 'ccg' ? 'client credentials' : 'JWT'}).`
    )
    console.log('Running node dist/index.js as the runner does (no refresh token, no GitHub token)…')
    const main = await runAction(inputs, { env: world.env() })
    show(main, delayMs, describeRequests(world.sim.requests))
    const before = world.sim.requests.length
    console.log('\nThe job ends: running its post step, node dist/post/index.js, with the state the main step saved…')
    const post = await runPostStep(inputs, main, { env: world.env() })
    show(post, delayMs, describeRequests(world.sim.requests.slice(before)))

    const token = box.issuedTokens[0]
    const leaks = [...leaksOf(world, main, { postmanFile: 'box.postman_environment.json' }), ...leaksOf(world, post)]
    heading('the token')
    console.log(`  Box issued it for: ${token?.subject?.type} ${token?.subject?.id} (${token?.grant})`)
    console.log(`  the run handed it out: ${main.outputs['access-token'] === token?.accessToken}`)
    console.log(`  requests to GitHub: ${world.sim.requests.filter((r) => r.service === 'github').length}`)
    console.log(`  revoked at Box when the job ended: ${token !== undefined && box.isRevoked(token.accessToken)}`)
    console.log(`  leak scan of everything both steps left behind: ${leakText(leaks)}`)
    const ok = main.code === 0 && post.code === 0 && token !== undefined && box.isRevoked(token.accessToken)
    return ok && leaks.length === 0 ? 0 : 1
  } finally {
    await world.close()
  }
}

/** A rotation with `scopes`: the secret holds the new refresh token; the run hands out a downscoped child. */
async function downscopeDemo(delayMs: number): Promise<number> {
  const world = await createWorld({ simulator: { delayMs } })
  try {
    const { box } = world.sim
    const inputs = world.inputs({ scopes: 'root_readonly', 'postman-environment': 'box.postman_environment.json' })
    console.log(
      `Simulated Box at ${world.sim.boxUrl}, simulated GitHub at ${world.sim.githubApiUrl}; scenario: downscope.`
    )
    console.log('Running node dist/index.js as the runner does, with `scopes: root_readonly`…')
    const run = await runAction(inputs, { env: world.env() })
    show(run, delayMs, describeRequests(world.sim.requests))
    const parent = box.issued.at(-1)?.accessToken ?? ''
    const child = box.issuedTokens.at(-1)
    const chain = await tokenChainState(world).catch((error: unknown) => String(error))
    const leaks = leaksOf(world, run, { postmanFile: 'box.postman_environment.json' })
    heading('the token chain and the token handed out')
    console.log(`  the secret: ${chain}`)
    console.log(
      `  the access token handed out is a downscoped child: ${child !== undefined && box.isDownscopedFrom(child.accessToken, parent)}`
    )
    console.log(`  its scopes: ${child?.scopes.join(' ')}`)
    console.log(`  leak scan (the full token included): ${leakText(leaks)}`)
    const ok =
      run.code === 0 &&
      chain === 'secret holds the new valid token' &&
      run.outputs['access-token'] === child?.accessToken
    return ok && leaks.length === 0 ? 0 : 1
  } finally {
    await world.close()
  }
}

const leakText = (leaks: string[]): string => (leaks.length === 0 ? 'clean' : '\n    ' + leaks.join('\n    '))

process.exitCode = await main()
