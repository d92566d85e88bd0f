/**
 * `npm run demo:login`: the bundled login command (dist/login/index.js) against the simulator,
 * with this script as the browser: it reads the authorize URL off the command's output, "grants
 * access" at the fake Box and follows the redirect back. Prints the command's terminal as a
 * person would see it, then what ended up where.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { REPO_ROOT } from '../support/harness.js'
import { playBrowser } from '../support/browser.js'
import { describeRequests, startSimulator } from './index.js'

const REPOSITORY = 'octo-org/api-tests'
const SCRIPT = join(REPO_ROOT, 'dist', 'login', 'index.js')

async function main(): Promise<number> {
  if (!existsSync(SCRIPT)) {
    console.error('dist/login/index.js does not exist yet: run `npm run bundle` first.')
    return 1
  }
  const sim = await startSimulator()
  try {
    sim.github.addRepository(REPOSITORY)
    sim.github.addToken('ghp_demo_token', 'write')
    sim.box.registerRedirectUri('http://127.0.0.1:8976/callback')

    const args = [
      '--repository',
      REPOSITORY,
      '--box-authorize-url',
      sim.boxAuthorizeUrl,
      '--box-api-url',
      sim.boxUrl,
      '--no-browser'
    ]
    console.log(
      `$ BOX_CLIENT_ID=… BOX_CLIENT_SECRET=… GH_TOKEN=… GITHUB_API_URL=${sim.githubApiUrl} \\\n    node dist/login/index.js ${args.join(' ')}`
    )
    const child = spawn(process.execPath, [SCRIPT, ...args], {
      env: {
        PATH: process.env.PATH,
        BOX_CLIENT_ID: sim.box.client.id,
        BOX_CLIENT_SECRET: sim.box.client.secret,
        GH_TOKEN: 'ghp_demo_token',
        GITHUB_API_URL: sim.githubApiUrl
      },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let output = ''
    const exited = new Promise<number | null>((resolve) => child.once('close', resolve))
    child.stderr.on('data', (chunk: Buffer) => process.stdout.write(chunk))
    const url = await new Promise<string | undefined>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        process.stdout.write(chunk)
        output += chunk.toString('utf8')
        const match = /^ {2}(http:\/\/\S+\/api\/oauth2\/authorize\?\S+)$/m.exec(output)
        if (match) resolve(match[1])
      })
      void exited.then(() => resolve(undefined))
    })
    const visit = url === undefined ? undefined : await playBrowser(url)
    const code = await exited

    const issued = sim.box.issued.at(-1)
    const stored = sim.github.getSecret({ kind: 'repository', repo: REPOSITORY }, 'BOX_REFRESH_TOKEN')?.plaintext
    console.log(`\n[exit code ${code}]`)
    if (visit)
      console.log(
        `\nbrowser: authorize → ${visit.authorizeStatus}, callback → ${visit.callbackStatus}, page: "${/<h1>(.*?)<\/h1>/.exec(visit.page)?.[1] ?? ''}"`
      )
    console.log('requests:\n  ' + describeRequests(sim.requests).join('\n  '))
    console.log(
      `secret BOX_REFRESH_TOKEN of ${REPOSITORY} holds the refresh token Box issued: ${stored !== undefined && stored === issued?.refreshToken}`
    )
    console.log(`  valid at Box: ${stored !== undefined && sim.box.isRefreshTokenValid(stored)}`)
    console.log(`  printed anywhere: ${issued !== undefined && output.includes(issued.refreshToken)}`)
    return code === 0 ? 0 : 1
  } finally {
    await sim.close()
  }
}

process.exitCode = await main()
