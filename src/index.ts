/** The runner's entry: the action (action/start.ts) speaking through the runner's own file and stdout commands. */
import { startAction } from './action/start.js'
import { runnerIO } from './action/runner-io.js'

await startAction(runnerIO)
