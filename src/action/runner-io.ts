/**
 * The action's io as @actions/core writes it, from the toolkit's own command, file-command and
 * summary modules, without its index: that index also loads the OIDC client, and with it
 * @actions/http-client and undici, which take longer to load than the rest of the action together
 * and which a run that needs no proxy never uses.
 *
 * Each line does what the @actions/core function of the same name does (core.js), so the runner
 * sees the same bytes either way (__tests__/unit/runner-io.test.ts compares them).
 */
import { issue, issueCommand } from '@actions/core/lib/command.js'
import { issueFileCommand, prepareKeyValueMessage } from '@actions/core/lib/file-command.js'
import { summary } from '@actions/core/lib/summary.js'
import { toCommandValue } from '@actions/core/lib/utils.js'
import { EOL } from 'node:os'
import type { ActionIO } from './io.js'

export const runnerIO: ActionIO = {
  getInput: (name) => (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim(),
  setSecret: (value) => issueCommand('add-mask', {}, value),
  setOutput: (name, value) => {
    if (process.env.GITHUB_OUTPUT) return issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value))
    process.stdout.write(EOL)
    issueCommand('set-output', { name }, toCommandValue(value))
  },
  exportVariable: (name, value) => {
    process.env[name] = toCommandValue(value)
    if (process.env.GITHUB_ENV) return issueFileCommand('ENV', prepareKeyValueMessage(name, value))
    issueCommand('set-env', { name }, toCommandValue(value))
  },
  info: (message) => void process.stdout.write(message + EOL),
  warning: (message) => issueCommand('warning', {}, message),
  notice: (message) => issueCommand('notice', {}, message),
  setFailed: (message) => {
    process.exitCode = 1
    issueCommand('error', {}, message)
  },
  startGroup: (name) => issue('group', name),
  endGroup: () => issue('endgroup'),
  appendSummary: async (markdown) => {
    // Without GITHUB_STEP_SUMMARY (e.g. an old runner) there is simply no summary.
    if (process.env.GITHUB_STEP_SUMMARY) await summary.addRaw(markdown).write()
  },
  saveState: (name, value) => {
    if (process.env.GITHUB_STATE) return issueFileCommand('STATE', prepareKeyValueMessage(name, value))
    issueCommand('save-state', { name }, toCommandValue(value))
  },
  getState: (name) => process.env[`STATE_${name}`] || ''
}
