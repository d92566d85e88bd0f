/**
 * The action with its real collaborators. The runner's entry (index.ts) calls `startAction(runnerIO)`;
 * `run()` is what `npx @github/local-action . src/action/start.ts .env` runs on a workstation (docs in
 * CONTRIBUTING.md): the same, speaking through @actions/core's own API, which local-action replaces,
 * so that nothing it should hide prints in clear there.
 *
 * It loads what each path uses, in the order it is needed, so that the first requests wait for as
 * little as possible and the rest loads while their answers are awaited:
 * - on the runner the action speaks through runner-io.ts (@actions/core's own command and summary
 *   modules, the same bytes without its index and the HTTP stack that index brings), and a run that
 *   fails validation loads nothing more;
 * - once the inputs are valid, @actions/github (the GitHub client's home, github/client.ts) loads
 *   from its chunk with the toolkit's HTTP stack, and the first GitHub requests leave through Node
 *   24's own fetch (proxy.ts); that load costs about 7 % of a rotation (CONTRIBUTING.md, Benchmark);
 * - where they need the bundled undici instead (Node 22 and older, or a proxy), it is loaded once
 *   the inputs are valid and before the first request, so that they too leave in the turn they start;
 * - once they have, libsodium (seal.ts) loads from its chunk while GitHub answers.
 */
import type { ActionIO } from './io.js'
import { main } from './main.js'
import { prepareFetchFor, proxyAwareFetch } from '../proxy.js'
import { RecoveryLedger } from '../recovery.js'
import { Redactor } from '../redact.js'
import { realTiming } from '../retry.js'
import { handleTermination } from '../shutdown.js'
import { toolkitIO } from './toolkit-io.js'
import { bugReport } from '../error-text.js'

/** local-action's entry: takes nothing, and speaks through the @actions/core module it stubs. */
export async function run(): Promise<void> {
  await startAction(toolkitIO(await import('@actions/core')))
}

/** The runner's entry: the action with its real collaborators, speaking through `io`. */
export async function startAction(io: ActionIO): Promise<void> {
  const ledger = new RecoveryLedger()
  const redactor = new Redactor()
  const termination = handleTermination({
    announce: (signal) =>
      io.info(
        `Received ${signal}: stopping. No new request is started; a Box answer already on its way is still awaited ` +
          'briefly, and a new refresh token it brings is still written.'
      ),
    // After an unexpected error, the sealed copies not yet stored are sent once more before the last words.
    rescue: async (deadline) => {
      for (const target of await ledger.rescue(deadline)) io.info(`Stored the ${target} after all.`)
    },
    // Whatever cut the run short, the sealed copies that are not stored yet go into the error.
    lastWords: (reason) => io.setFailed(redactor.scrub(ledger.lastWords(reason)))
  })

  try {
    await main({
      io,
      env: process.env,
      fetch: proxyAwareFetch(),
      // Once the inputs are valid: where Node's own fetch will not do, the bundled undici loads now,
      // so that the first requests still leave in the turn they are started (and, for a Box behind a
      // proxy that GitHub is not behind, during the checks rather than on the way to Box).
      beforeRequests: ({ boxApiUrl, githubApiUrl }) => {
        if (githubApiUrl === undefined) return prepareFetchFor(boxApiUrl) // no GitHub in this mode
        prepareFetchFor(boxApiUrl).catch(() => undefined) // the Box request reports a failure
        return prepareFetchFor(githubApiUrl)
      },
      timing: realTiming,
      cancel: termination.cancel,
      stop: termination.stop,
      lastCall: termination.lastCall,
      ledger,
      redactor
    })
  } catch (error) {
    // main() reports every failure itself, bugs included: this is only the net under that net.
    io.setFailed(redactor.scrub(ledger.lastWords(`Unexpected error: ${bugReport(error)}`)))
  }
  termination.finished()
}
