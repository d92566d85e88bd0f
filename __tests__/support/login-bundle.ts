/**
 * The bundled login command (dist/login/index.js) spawned as a person runs it, on the end-to-end
 * Node.js (support/e2e-node.ts): flags for the simulator, credentials in the environment, a clean
 * environment otherwise (no DISPLAY, so no browser is tried; no NODE_OPTIONS from Jest), and the
 * authorize URL read from its output.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import type { Simulator } from '../simulator/index.js'
import { assertFreshBundle } from './bundle-guard.js'
import { bundleNode, recordBundleRun } from './e2e-node.js'
import { REPO_ROOT } from './harness.js'

export const LOGIN_SCRIPT = join(REPO_ROOT, 'dist', 'login', 'index.js')

export interface SpawnedLogin {
  child: ReturnType<typeof spawn>
  output: () => { stdout: string; stderr: string }
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  /** The authorize URL, once printed. */
  url: Promise<string>
}

export interface LoginWorld {
  sim: Simulator
  repo: string
  writeToken: string
  /** HOME and working directory of the command. */
  home: string
}

export function spawnLogin(
  world: LoginWorld,
  extraArgs: string[] = [],
  env: Record<string, string> = {}
): SpawnedLogin {
  const { sim } = world
  assertFreshBundle()
  const node = bundleNode()
  recordBundleRun(node)
  const child = spawn(
    node,
    [
      LOGIN_SCRIPT,
      '--repository',
      world.repo,
      '--box-api-url',
      sim.boxUrl,
      '--box-authorize-url',
      sim.boxAuthorizeUrl,
      '--port',
      '0',
      '--timeout',
      '20',
      ...extraArgs
    ],
    {
      cwd: world.home,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: world.home,
        BOX_CLIENT_ID: sim.box.client.id,
        BOX_CLIENT_SECRET: sim.box.client.secret,
        GITHUB_TOKEN: world.writeToken,
        GITHUB_API_URL: sim.githubApiUrl,
        ...env
      },
      stdio: ['ignore', 'pipe', 'pipe']
    }
  )
  let stdout = ''
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal }))
  )
  const killer = setTimeout(() => child.kill('SIGKILL'), 25_000)
  void exited.then(() => clearTimeout(killer))
  const url = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8')
      const match = /^ {2}(http:\/\/\S+\/api\/oauth2\/authorize\?\S+)$/m.exec(stdout)
      if (match) resolve(match[1]!)
    })
    void exited.then(() => reject(new Error(`the command exited before printing a URL:\n${stdout}\n${stderr}`)))
  })
  url.catch(() => undefined)
  return { child, output: () => ({ stdout, stderr }), exited, url }
}
