/** The runner's entry: the action (action.ts) speaking through the runner's own file and stdout commands. */
import { runAction } from './action.js'
import { runnerIO } from './runner-io.js'

await runAction(runnerIO)
