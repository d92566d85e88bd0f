/** The runner's entry: the action (action.ts) speaking through the runner's own file and stdout commands. */
import { runAction } from './action/start.js'
import { runnerIO } from './action/runner-io.js'

await runAction(runnerIO)
