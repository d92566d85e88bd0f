/** The runner's entry: real collaborators in, everything else in main.ts. */
import * as core from '@actions/core'
import { run } from './main.js'
import { proxyAwareFetch } from './proxy.js'
import { realTiming } from './retry.js'

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
      appendSummary: async (markdown) => {
        // Without GITHUB_STEP_SUMMARY (e.g. an old runner) there is simply no summary.
        if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write()
      }
    },
    env: process.env,
    fetch: proxyAwareFetch(),
    timing: realTiming
  })
} catch (error) {
  // Only a bug reaches here: every expected failure is reported by run() itself.
  core.setFailed(`Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
}
