/**
 * shutdown.ts in a real process (signals cannot be faked in Jest's): a write Box made necessary may
 * go on after the first signal until the last call, and a second signal gives it up at once.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import { REPO_ROOT } from '../support/harness.js'

const tsx = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx')
const fixture = path.join(REPO_ROOT, '__tests__', 'support', 'shutdown-fixture.ts')

interface Ended {
  code: number | null
  events: string[]
}

function runFixture(
  scenario: string,
  drive?: (child: ReturnType<typeof spawn>, events: () => string[]) => void
): Promise<Ended> {
  return new Promise((resolve) => {
    const child = spawn(tsx, [fixture, scenario], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stderr = ''
    const events = (): string[] => stderr.split('\n').filter(Boolean)
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.stdout!.on('data', () => undefined)
    drive?.(child, events)
    child.once('close', (code) => resolve({ code, events: events() }))
  })
}

const until = async (check: () => boolean): Promise<void> => {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 5))
}

test('after SIGINT, a write still owed may go on until the last call, well before the exit', async () => {
  const ended = await runFixture('owed-write', (child, events) => {
    void until(() => events().includes('ready')).then(() => child.kill('SIGINT'))
  })
  expect(ended.events[1]).toBe('announce SIGINT')
  const after = Number(/last call after (\d+) ms/.exec(ended.events[2] ?? '')?.[1])
  expect(after).toBeGreaterThan(5_500)
  expect(after).toBeLessThan(6_700)
  expect(ended.code).toBe(1)
}, 15_000)

test('a second SIGINT (Ctrl-C twice) gives the write up at once', async () => {
  const ended = await runFixture('owed-write', (child, events) => {
    void until(() => events().includes('ready')).then(() => {
      child.kill('SIGINT')
      setTimeout(() => child.kill('SIGINT'), 200)
    })
  })
  const after = Number(/last call after (\d+) ms/.exec(ended.events[2] ?? '')?.[1])
  expect(after).toBeLessThan(3_000)
  expect(ended.code).toBe(1)
})
