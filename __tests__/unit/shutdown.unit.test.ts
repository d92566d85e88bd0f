/**
 * shutdown.ts's decisions in Jest's own process: a stand-in for `process` (its signals, its last
 * events, its exit, its output streams) and Jest's fake clock, so every deadline is checked to the
 * millisecond. shutdown.process.test.ts runs the same handler in a real process, where signals,
 * uncaught errors and an emptied event loop are the real thing.
 */
import { EventEmitter } from 'node:events'
import { jest } from '@jest/globals'
import { handleTermination, type TerminationReport } from '../../src/shutdown.js'
import { listenersOf } from '../support/listeners.js'

/**
 * What handleTermination sees of a process. `exit` records the status instead of ending Jest; a real
 * exit ends everything, so a test looks at nothing that happens after the first.
 */
class FakeProcess extends EventEmitter {
  readonly exits: (number | string)[] = []
  exitCode?: number | string
  readonly stdout = new EventEmitter()
  readonly stderr = new EventEmitter()
  exit(code: number | string): void {
    this.exits.push(code)
  }
}

interface Started {
  host: FakeProcess
  /** What the report was asked to say, in order. */
  said: string[]
  termination: ReturnType<typeof handleTermination>
  /** The deadline the rescue was given, once it was asked to rescue. */
  deadline?: AbortSignal
}

/** `rescue`: what the writes still owed do (by default they settle at once); `null`: no rescue at all. */
function start(
  options: { cancelledExitCode?: number; rescueMs?: number } = {},
  rescue: ((deadline: AbortSignal) => Promise<void>) | null = async () => undefined,
  lastWords?: (reason: string) => void
): Started {
  const host = new FakeProcess()
  const started = { host, said: [] as string[] } as unknown as Started
  const report: TerminationReport = {
    announce: (signal) => started.said.push(`announce ${signal}`),
    lastWords: (reason) => {
      started.said.push(`last words: ${reason.split('\n')[0]}`)
      lastWords?.(reason)
    },
    ...(rescue && {
      rescue: (deadline: AbortSignal) => {
        started.said.push('rescue')
        started.deadline = deadline
        return rescue(deadline)
      }
    })
  }
  started.termination = handleTermination(report, { ...options, host })
  return started
}

const untilAborted = (signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => signal.addEventListener('abort', () => resolve()))

beforeEach(() => jest.useFakeTimers())
afterEach(() => jest.useRealTimers())

describe("the runner's SIGINT (a cancelled run, timeout-minutes, Ctrl-C)", () => {
  test('cancels at once, gives up Box after 5 s and the owed writes at 6.2 s, and ends at 6.7 s, before SIGTERM', () => {
    const { host, said, termination } = start()
    host.emit('SIGINT', 'SIGINT')
    expect(said).toEqual(['announce SIGINT'])
    expect(termination.cancel.aborted).toBe(true)
    expect(termination.cancel.reason).toBe('SIGINT')
    expect(termination.stop.aborted).toBe(false)
    expect(termination.lastCall.aborted).toBe(false)

    jest.advanceTimersByTime(4_999)
    expect(termination.stop.aborted).toBe(false)
    jest.advanceTimersByTime(1)
    expect(termination.stop.aborted).toBe(true)
    expect(termination.stop.reason).toBe('SIGINT')

    jest.advanceTimersByTime(1_199) // 6199 ms
    expect(termination.lastCall.aborted).toBe(false)
    jest.advanceTimersByTime(1)
    expect(termination.lastCall.aborted).toBe(true)
    expect(termination.lastCall.reason).toBe('SIGINT')

    jest.advanceTimersByTime(499) // 6699 ms
    expect(host.exits).toEqual([])
    jest.advanceTimersByTime(1)
    expect(said).toEqual([
      'announce SIGINT',
      'last words: The run did not finish within 6.7 s of SIGINT, so it stopped before the runner would kill it.'
    ])
    expect(host.exits).toEqual([1])
  })

  test('SIGTERM leaves 2.5 s before the kill: Box is given up at 0.7 s, the owed writes at 1.2 s, the end at 1.7 s', () => {
    const { host, said, termination } = start({ cancelledExitCode: 130 })
    host.emit('SIGTERM', 'SIGTERM')
    expect(said).toEqual(['announce SIGTERM'])
    expect(termination.cancel.reason).toBe('SIGTERM')
    jest.advanceTimersByTime(699)
    expect(termination.stop.aborted).toBe(false)
    jest.advanceTimersByTime(1)
    expect(termination.stop.aborted).toBe(true)
    jest.advanceTimersByTime(499)
    expect(termination.lastCall.aborted).toBe(false)
    jest.advanceTimersByTime(1)
    expect(termination.lastCall.aborted).toBe(true)
    jest.advanceTimersByTime(499)
    expect(host.exits).toEqual([])
    jest.advanceTimersByTime(1)
    expect(said.at(-1)).toBe(
      'last words: The run did not finish within 1.7 s of SIGTERM, so it stopped before the runner would kill it.'
    )
    expect(host.exits).toEqual([130])
  })

  test('a second signal gives up everything in flight at once, and the end stays where the first set it', () => {
    const { host, said, termination } = start()
    host.emit('SIGINT', 'SIGINT')
    jest.advanceTimersByTime(200)
    host.emit('SIGINT', 'SIGINT')
    expect(termination.stop.aborted).toBe(true)
    expect(termination.lastCall.aborted).toBe(true)
    expect(said).toEqual(['announce SIGINT'])
    jest.advanceTimersByTime(6_499)
    expect(host.exits).toEqual([])
    jest.advanceTimersByTime(1)
    expect(host.exits).toEqual([1])
  })

  test('last words that throw still end the process', () => {
    const { host } = start({}, null, () => {
      throw new Error('stderr is gone')
    })
    host.emit('SIGINT', 'SIGINT')
    expect(() => jest.advanceTimersByTime(6_700)).toThrow('stderr is gone')
    expect(host.exits).toEqual([1])
  })
})

describe('the work finishes', () => {
  test('after a cancellation the process exits at once, with the status the run set, else the cancelled status', () => {
    const plain = start({ cancelledExitCode: 130 })
    plain.host.emit('SIGINT', 'SIGINT')
    plain.termination.finished()
    expect(plain.host.exits).toEqual([130])

    const failed = start({ cancelledExitCode: 130 })
    failed.host.emit('SIGINT', 'SIGINT')
    failed.host.exitCode = 2
    failed.termination.finished()
    expect(failed.host.exits).toEqual([2])

    const stated = start({ cancelledExitCode: 130 })
    stated.host.emit('SIGTERM', 'SIGTERM')
    stated.termination.finished(0)
    expect(stated.host.exits).toEqual([0])
    // Nothing more is said, and the timers that would end it no longer do.
    jest.advanceTimersByTime(10_000)
    expect(stated.said).toEqual(['announce SIGTERM'])
    expect(stated.host.exits).toEqual([0])
  })

  test('without a cancellation the process is left to end by itself, with the status given', () => {
    const { host, termination } = start()
    termination.finished(3)
    expect(host.exitCode).toBe(3)
    expect(host.exits).toEqual([])
    const plain = start()
    plain.termination.finished()
    expect(plain.host.exitCode).toBeUndefined()
    expect(plain.host.exits).toEqual([])
  })

  test('a signal after the work finished changes nothing', () => {
    const { host, said, termination } = start()
    termination.finished()
    host.emit('SIGINT', 'SIGINT')
    jest.advanceTimersByTime(10_000)
    expect(said).toEqual([])
    expect(termination.cancel.aborted).toBe(false)
    expect(host.exits).toEqual([])
  })
})

describe('an unexpected end: the writes still owed are tried, then the last words', () => {
  test.each([
    ['an uncaught exception', 'uncaughtException', 'last words: Unexpected error: Error: a bug'],
    ['an unhandled rejection', 'unhandledRejection', 'last words: Unexpected error: Error: a bug'],
    [
      'work that never settles',
      'beforeExit',
      'last words: The run stopped with work still pending: a request never settled, so the process had nothing ' +
        'left to wait on.'
    ]
  ])('%s', async (_, event, lastWords) => {
    const { host, said } = start()
    host.emit(event, event === 'beforeExit' ? 0 : new Error('a bug'))
    await jest.advanceTimersByTimeAsync(0)
    expect(said).toEqual(['rescue', lastWords])
    expect(host.exits).toEqual([1])
  })

  test('the rescue is bounded: its deadline comes after rescueMs, then the last words', async () => {
    const started = start({ rescueMs: 15_000 }, untilAborted)
    const { host, said } = started
    host.emit('uncaughtException', new Error('a bug'))
    await jest.advanceTimersByTimeAsync(14_999)
    expect(started.deadline?.aborted).toBe(false)
    expect(host.exits).toEqual([])
    await jest.advanceTimersByTimeAsync(1)
    expect(said).toEqual(['rescue', expect.stringMatching(/^last words: Unexpected error: Error: a bug/)])
    expect(host.exits).toEqual([1])
  })

  test('after a cancellation the rescue ends with the last call, not later', async () => {
    const started = start({ rescueMs: 60_000 }, untilAborted)
    started.host.emit('SIGINT', 'SIGINT')
    started.host.emit('uncaughtException', new Error('a bug'))
    await jest.advanceTimersByTimeAsync(6_199)
    expect(started.deadline?.aborted).toBe(false)
    await jest.advanceTimersByTimeAsync(1)
    expect(started.deadline?.aborted).toBe(true)
    expect(started.said).toEqual([
      'announce SIGINT',
      'rescue',
      expect.stringMatching(/^last words: Unexpected error: Error: a bug/)
    ])
    expect(started.host.exits).toEqual([1])
  })

  test('a signal during the rescue cuts it short: the deadline ends with its last call', async () => {
    const started = start({ rescueMs: 60_000 }, untilAborted)
    started.host.emit('uncaughtException', new Error('a bug'))
    await jest.advanceTimersByTimeAsync(1_000)
    started.host.emit('SIGTERM', 'SIGTERM')
    await jest.advanceTimersByTimeAsync(1_199)
    expect(started.deadline?.aborted).toBe(false)
    await jest.advanceTimersByTimeAsync(1)
    expect(started.deadline?.aborted).toBe(true)
    expect(started.said.at(-1)).toMatch(/^last words: Unexpected error: Error: a bug/)
    expect(started.host.exits).toEqual([1])
  })

  test('a rescue stuck past the signal’s end is cut off by it', async () => {
    const started = start({ rescueMs: 60_000 }, () => new Promise<void>(() => undefined))
    started.host.emit('unhandledRejection', new Error('a bug'))
    started.host.emit('SIGINT', 'SIGINT')
    await jest.advanceTimersByTimeAsync(6_700)
    expect(started.said).toEqual([
      'rescue',
      'announce SIGINT',
      'last words: The run did not finish within 6.7 s of SIGINT, so it stopped before the runner would kill it.'
    ])
    expect(started.host.exits).toEqual([1])
  })

  test('one rescue and one last words, however many errors follow', async () => {
    const { host, said } = start({}, untilAborted)
    host.emit('uncaughtException', new Error('a bug'))
    host.emit('unhandledRejection', new Error('another'))
    host.emit('beforeExit', 0)
    await jest.advanceTimersByTimeAsync(15_000)
    expect(said).toEqual(['rescue', expect.stringMatching(/^last words: Unexpected error: Error: a bug/)])
    expect(host.exits).toEqual([1])
  })

  test('a rescue that fails, or none at all: the last words come all the same', async () => {
    const failing = start({}, () => Promise.reject(new Error('no network')))
    failing.host.emit('uncaughtException', new Error('a bug'))
    await jest.advanceTimersByTimeAsync(0)
    expect(failing.said).toEqual(['rescue', expect.stringMatching(/^last words: Unexpected error: Error: a bug/)])
    expect(failing.host.exits).toEqual([1])

    const none = start({}, null)
    none.host.emit('uncaughtException', new Error('a bug'))
    await jest.advanceTimersByTimeAsync(0)
    expect(none.said).toEqual([expect.stringMatching(/^last words: Unexpected error: Error: a bug/)])
    expect(none.host.exits).toEqual([1])
  })
})

test('an error on stdout or stderr (its reader gone, EPIPE) is ignored', () => {
  const { host, said } = start()
  const epipe = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })
  // An EventEmitter throws an 'error' nobody listens for: this is what would crash the process.
  expect(() => host.stdout.emit('error', epipe)).not.toThrow()
  expect(() => host.stderr.emit('error', epipe)).not.toThrow()
  expect(said).toEqual([])
  expect(host.exits).toEqual([])
})

describe('the deadline a rescue is given', () => {
  test('says why it came: the rescue time over, or the signal of the last call', async () => {
    const timedOut = start({ rescueMs: 15_000 }, untilAborted)
    timedOut.host.emit('uncaughtException', new Error('a bug'))
    await jest.advanceTimersByTimeAsync(15_000)
    expect(timedOut.deadline?.reason).toBe('rescue time is over')

    const signalled = start({ rescueMs: 60_000 }, untilAborted)
    signalled.host.emit('uncaughtException', new Error('a bug'))
    signalled.host.emit('SIGTERM', 'SIGTERM')
    await jest.advanceTimersByTimeAsync(1_200)
    expect(signalled.deadline?.reason).toBe('SIGTERM')
  })

  test('when the last call cuts the rescue short, its own timer goes too: nothing is left scheduled', async () => {
    const started = start({ rescueMs: 60_000 }, untilAborted)
    started.host.emit('uncaughtException', new Error('a bug'))
    started.host.emit('SIGINT', 'SIGINT')
    // The last call at 6.2 s ends the rescue; the signal's own end at 6.7 s is its last timer.
    await jest.advanceTimersByTimeAsync(6_700)
    expect(started.deadline?.aborted).toBe(true)
    expect(started.host.exits).toEqual([1])
    expect(jest.getTimerCount()).toBe(0)
  })

  test('when the rescue time runs out first, it leaves no listener on the last call', async () => {
    const started = start({ rescueMs: 15_000 }, untilAborted)
    const { lastCall } = started.termination
    const listeners = listenersOf(lastCall)
    started.host.emit('uncaughtException', new Error('a bug'))
    expect(listeners.added()).toBe(1)
    await jest.advanceTimersByTimeAsync(15_000)
    expect(started.host.exits).toEqual([1])
    expect(listeners.now.size).toBe(0)
  })
})
