/**
 * shutdown.ts in a real process (signals, uncaught errors and an emptied event loop cannot be
 * faked in Jest's): the writes still owed are tried before the last words, for a bounded time, a
 * second signal gives them up at once, and an output pipe that goes away costs nothing.
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

test.each([
  ['an uncaught exception', 'uncaught', 'last words: Unexpected error: Error: a bug'],
  ['an unhandled rejection', 'rejected', 'last words: Unexpected error: Error: a rejected bug'],
  ['work that never settles', 'never-settles', 'last words: The run stopped with work still pending']
])('%s: the writes still owed are tried first, then the last words, exit 1', async (_, scenario, last) => {
  const ended = await runFixture(scenario)
  expect(ended.events).toEqual(['rescue', expect.stringContaining(last)])
  expect(ended.code).toBe(1)
})

test('the rescue is bounded: without a signal it ends at its own deadline, then the last words', async () => {
  const ended = await runFixture('rescue-stuck')
  expect(ended.events[0]).toBe('rescue')
  const after = Number(/rescue deadline after (\d+) ms/.exec(ended.events[1] ?? '')?.[1])
  expect(after).toBeGreaterThanOrEqual(300)
  expect(ended.events[2]).toMatch(/^last words: The run stopped with work still pending/)
  expect(ended.code).toBe(1)
})

test('the reader of stdout goes away: later writes fail with EPIPE, and the process goes on as if nothing happened', async () => {
  const ended = await runFixture('stdout-gone', (child) => child.stdout!.once('data', () => child.stdout!.destroy()))
  expect(ended.events).toEqual(['finished writing'])
  expect(ended.code).toBe(0)
})

test('after SIGINT, a write still owed may go on until the last call, well before the exit', async () => {
  const ended = await runFixture('owed-write', (child, events) => {
    void until(() => events().includes('ready')).then(() => child.kill('SIGINT'))
  })
  expect(ended.events[1]).toBe('announce SIGINT')
  const after = Number(/last call (\d+) ms after the signal/.exec(ended.events[2] ?? '')?.[1])
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
  const after = Number(/last call (\d+) ms after the signal/.exec(ended.events[2] ?? '')?.[1])
  expect(after).toBeLessThan(3_000)
  expect(ended.code).toBe(1)
})
