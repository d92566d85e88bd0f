/**
 * The runner's entry: real collaborators in, everything else in main.ts.
 *
 * Each path loads only what it uses. This file, main.ts and their own modules are all that a run
 * whose inputs are not valid needs: it reports through runner-io.ts. Any other run first loads
 * @actions/core, Octokit and the HTTP stack (one chunk, since the first requests need them all);
 * libsodium comes in a chunk of its own while those requests are in flight (main.ts).
 */
import { InputError, readConfig } from './inputs.js'
import type { ActionIO } from './io.js'
import { run } from './main.js'
import { RecoveryLedger } from './recovery.js'
import { Redactor } from './redact.js'
import { realTiming } from './retry.js'
import { runnerIO, toolkitIO } from './runner-io.js'
import { handleTermination } from './shutdown.js'

let io: ActionIO = runnerIO
const ledger = new RecoveryLedger()
const redactor = new Redactor()
const termination = handleTermination({
  announce: (signal) =>
    io.info(
      `Received ${signal}: stopping. No new request is started; a Box answer already on its way is still awaited briefly.`
    ),
  // Whatever cut the run short, the sealed copies that are not stored yet go into the error.
  lastWords: (reason) => {
    const pending = ledger.instructions()
    io.setFailed(redactor.scrub(pending ? `${reason}\n${pending}` : reason))
  }
})

/** Whether run() will get past validation (which it then does again, and reports on). */
function inputsAreValid(): boolean {
  try {
    readConfig(io.getInput, process.env)
    return true
  } catch (error) {
    if (error instanceof InputError) return false
    throw error
  }
}

/** Box's fetch, loaded on first use: a run that fails validation never gets there. */
let boxFetch: Promise<typeof fetch> | undefined
const fetchForBox: typeof fetch = async (input, init) => {
  boxFetch ??= import(/* webpackChunkName: "toolkit" */ './proxy.js').then(({ proxyAwareFetch }) => proxyAwareFetch())
  return (await boxFetch)(input, init)
}

try {
  if (inputsAreValid()) io = toolkitIO(await import(/* webpackChunkName: "toolkit" */ '@actions/core'))
  await run({
    io,
    env: process.env,
    fetch: fetchForBox,
    timing: realTiming,
    cancel: termination.cancel,
    stop: termination.stop,
    ledger,
    redactor
  })
} catch (error) {
  // Only a bug reaches here: every expected failure is reported by run() itself.
  const pending = ledger.instructions()
  io.setFailed(
    redactor.scrub(
      `Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}${pending ? `\n${pending}` : ''}`
    )
  )
}
termination.finished()
