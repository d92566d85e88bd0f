/**
 * The action's io through @actions/core's own API, the one @github/local-action replaces with its
 * stubs: what the action uses when local-action runs it on a workstation, so that masks, outputs,
 * errors and groups go where that tool shows them instead of printing as raw workflow commands.
 * The runner's entry uses runner-io.ts instead (the same bytes, without loading the toolkit's HTTP
 * stack); __tests__/unit/runner-io.test.ts holds the two to the same output.
 */
import type * as Toolkit from '@actions/core'
import type { ActionIO } from './io.js'

export function toolkitIO(core: typeof Toolkit): ActionIO {
  return {
    getInput: (name) => core.getInput(name),
    setSecret: (value) => core.setSecret(value),
    setOutput: (name, value) => core.setOutput(name, value),
    exportVariable: (name, value) => core.exportVariable(name, value),
    info: (message) => core.info(message),
    warning: (message) => core.warning(message),
    notice: (message) => core.notice(message),
    setFailed: (message) => core.setFailed(message),
    startGroup: (name) => core.startGroup(name),
    endGroup: () => core.endGroup(),
    appendSummary: async (markdown) => {
      // Without GITHUB_STEP_SUMMARY (an old runner, or a workstation) there is simply no summary.
      if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write()
    },
    saveState: (name, value) => core.saveState(name, value),
    getState: (name) => core.getState(name)
  }
}
