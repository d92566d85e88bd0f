/**
 * The typescript-action convention that `npx @github/local-action . src/action/start.ts .env` relies on:
 * action.ts exports `run()`, which takes nothing (its collaborators are the real ones), and speaks
 * through @actions/core's own API, which local-action replaces, so that a run on a workstation
 * prints no mask, output or error as a raw workflow command with the value in clear. (The tool
 * itself is not a dependency: about 330 MB. CONTRIBUTING.md says how to run it; the run below uses
 * its mechanism, quibble, with a stub like its own.)
 */
import { spawn, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { inputVariable } from '../support/harness.js'
import { createWorld, leaksOf, tokenChainState, type World } from '../support/world.js'

const root = path.resolve(import.meta.dirname, '..', '..')

test('src/action/start.ts exports run() with no parameters', async () => {
  const action = (await import('../../src/action/start.js')) as { run?: unknown }
  expect(typeof action.run).toBe('function')
  expect((action.run as () => Promise<void>).length).toBe(0)
})

test("the runner's entry runs the same action, through runner-io.ts", () => {
  const code = readFileSync(path.join(root, 'src', 'index.ts'), 'utf8')
    .replace(/\/\*\*[\s\S]*?\*\//g, '')
    .trim()
  expect(code.split('\n').filter((line) => line.trim() !== '')).toEqual([
    "import { startAction } from './action/start.js'",
    "import { runnerIO } from './action/runner-io.js'",
    'await startAction(runnerIO)'
  ])
})

describe('run as local-action runs it, against the simulator', () => {
  let world: World
  afterEach(() => world?.close())

  test('masks, outputs, errors and groups go through @actions/core: nothing prints in clear, every output is recorded', async () => {
    world = await createWorld()
    const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...world.env() }
    for (const [name, value] of Object.entries(world.inputs())) env[inputVariable(name)] = value
    const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>(
      (resolve) => {
        const child = spawn(
          path.join(root, 'node_modules', '.bin', 'tsx'),
          [path.join(root, '__tests__', 'support', 'local-action.ts')],
          { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] }
        )
        let out = ''
        let err = ''
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')))
        child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')))
        child.once('close', (exitCode) => resolve({ code: exitCode, stdout: out, stderr: err }))
      }
    )
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(stdout).not.toMatch(/::(add-mask|set-output|error|warning|group|endgroup)::/)
    const result = JSON.parse(/^LOCAL_ACTION_RESULT (.*)$/m.exec(stdout)![1]!) as {
      outputs: Record<string, string>
      failed?: string
      masks: number
    }
    expect(result.failed).toBeUndefined()
    expect(result.outputs['access-token']).toBe(world.sim.box.issued[0]!.accessToken)
    expect(result.outputs['secret-updated']).toBe('true')
    expect(result.masks).toBeGreaterThanOrEqual(5) // client secret, refresh token, GitHub token, the new pair
    const printed = { stdout: stdout.replace(/^LOCAL_ACTION_RESULT .*$/m, ''), stderr }
    expect(
      leaksOf(world, {
        ...printed,
        code,
        signal: null,
        outputs: {},
        env: {},
        state: {},
        summary: '',
        workspace: '',
        runnerTemp: '',
        files: {},
        fileModes: {},
        durationMs: 0,
        timedOut: false
      })
    ).toEqual([])
    expect(await tokenChainState(world)).toBe('secret holds the new valid token')
  }, 30_000)
})

test('.env.example names every required input and is not .env itself', () => {
  const example = readFileSync(path.join(root, '.env.example'), 'utf8')
  for (const input of ['CLIENT-ID', 'CLIENT-SECRET', 'REFRESH-TOKEN', 'GITHUB-TOKEN'])
    expect(example).toMatch(new RegExp(`^INPUT_${input}=$`, 'm'))
  expect(readFileSync(path.join(root, '.gitignore'), 'utf8').split('\n')).toContain('.env')
})

test(".env.example's Postman file, which holds an access token, lands where git ignores it", () => {
  const example = readFileSync(path.join(root, '.env.example'), 'utf8')
  const postman = /^# INPUT_POSTMAN-ENVIRONMENT=(.+)$/m.exec(example)?.[1]
  expect(postman).toBeDefined()
  expect(spawnSync('git', ['check-ignore', '--quiet', '--no-index', postman!], { cwd: root }).status).toBe(0)
})
