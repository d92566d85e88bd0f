/** The runner's post step (action.yml `runs.post`): the tokens this job minted, revoked (action/post.ts). */
import { revokeAtJobEnd } from './action/post.js'
import { runnerIO } from './action/runner-io.js'
import { proxyAwareFetch } from './proxy.js'
import { realTiming } from './retry.js'

await revokeAtJobEnd({ io: runnerIO, fetch: proxyAwareFetch(), timing: realTiming })
