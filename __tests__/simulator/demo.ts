/**
 * `npm run demo`: one run of the bundled action (dist/index.js) against the simulator, as the
 * runner would run it, then what happened: the requests, the outputs and the rotated secret.
 * Pass `--delay=MS` to add latency to every answer (the three request rounds then show).
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { REPO_ROOT, runAction, scanForLeaks } from '../e2e/harness.js'
import { describeRequests, startSimulator } from './index.js'

const REPOSITORY = 'octo-org/api-tests'
const SECRET = 'BOX_REFRESH_TOKEN'

/** Enough of a token to tell tokens apart in the demo's output, not enough to use one. */
function hint(token: string | undefined): string {
  return token ? `${token.slice(0, 4)}…` : '(none)'
}

async function main(): Promise<number> {
  if (!existsSync(join(REPO_ROOT, 'dist', 'index.js'))) {
    console.error('dist/index.js does not exist yet: run `npm run build` first.')
    return 1
  }
  const delayMs = Number(/^--delay=(\d+)$/.exec(process.argv[2] ?? '')?.[1] ?? 0)
  const sim = await startSimulator({ delayMs })
  try {
    const refreshToken = sim.box.issueRefreshToken({ ageDays: 6 })
    const scope = { kind: 'repository', repo: REPOSITORY } as const
    sim.github.addRepository(REPOSITORY)
    sim.github.addToken('ghp_demo_token', 'write')
    sim.github.addRun(REPOSITORY, 1001, { createdAt: new Date() }) // GITHUB_RUN_ID of the harness
    sim.github.setSecret(scope, SECRET, refreshToken, { updatedAt: new Date(Date.now() - 6 * 86_400_000) })

    const run = await runAction(
      {
        'client-id': sim.box.client.id,
        'client-secret': sim.box.client.secret,
        'refresh-token': refreshToken,
        'github-token': 'ghp_demo_token',
        'box-api-url': sim.boxUrl,
        'postman-environment': 'box.postman_environment.json'
      },
      { env: { GITHUB_API_URL: sim.githubApiUrl, GITHUB_REPOSITORY: REPOSITORY } }
    )

    const rotated = sim.github.getSecret(scope, SECRET)
    const newPair = sim.box.issued.at(-1)
    console.log(`exit code ${run.code} after ${run.durationMs} ms (delay ${delayMs} ms per answer)\n`)
    console.log('requests:\n  ' + describeRequests(sim.requests).join('\n  '))
    console.log('\noutputs:')
    for (const [name, value] of Object.entries(run.outputs)) {
      console.log(`  ${name} = ${name === 'access-token' ? hint(value) : value}`)
    }
    console.log(`\nsecret ${SECRET}: ${hint(refreshToken)} → ${hint(rotated?.plaintext)}`)
    console.log(`  matches Box's new refresh token: ${rotated?.plaintext === newPair?.refreshToken}`)
    console.log(`  old token still valid at Box: ${sim.box.isRefreshTokenValid(refreshToken)}`)

    const leaks = scanForLeaks(
      run,
      { refreshToken, newRefreshToken: newPair?.refreshToken ?? '', clientSecret: sim.box.client.secret, githubToken: 'ghp_demo_token' },
      { accessToken: newPair?.accessToken, postmanFile: 'box.postman_environment.json' }
    )
    console.log(`\nleak scan: ${leaks.length === 0 ? 'clean' : '\n  ' + leaks.join('\n  ')}`)
    if (run.code !== 0) console.log(`\nstdout:\n${run.stdout}\nstderr:\n${run.stderr}`)
    return run.code === 0 && leaks.length === 0 ? 0 : 1
  } finally {
    await sim.close()
  }
}

process.exitCode = await main()
