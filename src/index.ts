/** The runner's entry: real collaborators in, everything else in main.ts. */
import * as core from '@actions/core'
import { run } from './main.js'
import { proxyAwareFetch } from './proxy.js'
import { RecoveryLedger } from './recovery.js'
import { Redactor } from './redact.js'
import { realTiming } from './retry.js'
import { handleTermination } from './shutdown.js'

const ledger = new RecoveryLedger()
const redactor = new Redactor()
const termination = handleTermination({
  announce: (signal) =>
    core.info(
      `Received ${signal}: stopping. No new request is started; a Box answer already on its way is still awaited briefly.`
    ),
  // Whatever cut the run short, the sealed copies that are not stored yet go into the error.
  lastWords: (reason) => {
    const pending = ledger.instructions()
    core.setFailed(redactor.scrub(pending ? `${reason}\n${pending}` : reason))
  }
})

try {
  await run({
    io: {
      getInput: (name) => core.getInput(name),
      setSecret: (value) => core.setSecret(value),
      setOutput: (name, value) => core.setOutput(name, value),
      exportVariable: (name, value) => core.exportVariable(name, value),
      info: (message) => core.info(message),
      warning: (message) => core.warning(message),
      setFailed: (message) => core.setFailed(message),
      startGroup: (name) => core.startGroup(name),
      endGroup: () => core.endGroup(),
      appendSummary: async (markdown) => {
        // Without GITHUB_STEP_SUMMARY (e.g. an old runner) there is simply no summary.
        if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write()
      }
    },
    env: process.env,
    fetch: proxyAwareFetch(),
    timing: realTiming,
    cancel: termination.cancel,
    stop: termination.stop,
    ledger,
    redactor
  })
} catch (error) {
  // Only a bug reaches here: every expected failure is reported by run() itself.
  const pending = ledger.instructions()
  core.setFailed(
    redactor.scrub(
      `Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}${pending ? `\n${pending}` : ''}`
    )
  )
}
termination.finished()
