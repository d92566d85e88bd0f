/** The runner's entry: everything is in action.ts, so that local tools can run the same thing. */
import { run } from './action.js'

await run()
