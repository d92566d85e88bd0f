/**
 * A process that ends the ways shutdown.ts handles, for __tests__/unit/shutdown.process.test.ts (run with
 * tsx): `node … shutdown-fixture.ts <scenario>`. It prints what happens, one event a line, to stderr
 * (stdout is the pipe some scenarios lose): "rescue", "rescue deadline after N ms", "last words: …".
 * The last call is timed from the signal's arrival here, not from the start: the test's own delay in
 * sending it (a loaded machine can add seconds) is not the handler's.
 */
import { handleTermination } from '../../src/shutdown.js'

const scenario = process.argv[2]
const started = Date.now()
const say = (text: string): void => void process.stderr.write(`${text}\n`)
let signalledAt: number | undefined

const termination = handleTermination(
  {
    announce: (signal) => {
      signalledAt ??= Date.now()
      say(`announce ${signal}`)
    },
    rescue: async (deadline) => {
      say('rescue')
      if (scenario === 'rescue-stuck') {
        await new Promise((resolve) => deadline.addEventListener('abort', resolve))
        say(`rescue deadline after ${Date.now() - started} ms`)
      }
    },
    lastWords: (reason) => say(`last words: ${reason.split('\n')[0]}`)
  },
  { rescueMs: 300 }
)

switch (scenario) {
  case 'uncaught':
    setTimeout(() => {
      throw new Error('a bug')
    }, 10)
    setTimeout(() => say('still running'), 5_000)
    break
  case 'rejected':
    void Promise.reject(new Error('a rejected bug'))
    setTimeout(() => say('still running'), 5_000)
    break
  case 'never-settles':
  case 'rescue-stuck':
    await new Promise(() => {}) // nothing scheduled: Node would exit with code 13
    break
  case 'stdout-gone':
    // The test closes our stdout after the first line: every later write fails with EPIPE.
    for (let i = 0; i < 20; i++) {
      process.stdout.write(`line ${i}\n`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    say('finished writing')
    termination.finished(0)
    break
  case 'owed-write': {
    // A write Box made necessary, in flight when SIGINT comes (twice, in one variant): it ends at lastCall.
    say('ready')
    const request = setInterval(() => undefined, 1_000) // a request in flight keeps the process alive
    await new Promise((resolve) => termination.lastCall.addEventListener('abort', resolve))
    clearInterval(request)
    say(`last call ${Date.now() - (signalledAt ?? started)} ms after the signal`)
    termination.finished()
    break
  }
}
