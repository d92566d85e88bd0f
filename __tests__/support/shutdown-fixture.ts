/**
 * A process that ends the ways shutdown.ts handles, for __tests__/unit/shutdown.test.ts (run with
 * tsx): `node … shutdown-fixture.ts <scenario>`. It prints what happens, one event a line, to stderr.
 */
import { handleTermination } from '../../src/shutdown.js'

const scenario = process.argv[2]
const started = Date.now()
const say = (text: string): void => void process.stderr.write(`${text}\n`)

const termination = handleTermination({
  announce: (signal) => say(`announce ${signal}`),
  lastWords: (reason) => say(`last words: ${reason.split('\n')[0]}`)
})

switch (scenario) {
  case 'owed-write': {
    // A write Box made necessary, in flight when SIGINT comes (twice, in one variant): it ends at lastCall.
    say('ready')
    const request = setInterval(() => undefined, 1_000) // a request in flight keeps the process alive
    await new Promise((resolve) => termination.lastCall.addEventListener('abort', resolve))
    clearInterval(request)
    say(`last call after ${Date.now() - started} ms`)
    termination.finished()
    break
  }
}
