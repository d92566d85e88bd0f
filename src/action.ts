/**
 * The action with its real collaborators: `run()` is what the runner's entry (index.ts) calls, and
 * what `npx @github/local-action . src/action.ts .env` runs on a workstation (docs in CONTRIBUTING.md).
 *
 * It loads what each path uses, in the order it is needed, so that the first requests wait for as
 * little as possible and the rest loads while their answers are awaited:
 * - until @actions/core is loaded, the action speaks through runner-io.ts (@actions/core's own
 *   command and summary modules: the same bytes), and a run that fails validation loads nothing more;
 * - Octokit is in this file, evaluated once the inputs are valid, and Node 24's fetch is part of
 *   Node (proxy.ts): the first GitHub requests leave without a chunk being read;
 * - where they need the bundled undici instead (Node 22 and older, or a proxy), it is loaded before
 *   run() starts, so that they too leave in the turn run() starts them;
 * - once they have, libsodium (seal.ts) and @actions/core (whose OIDC client brings
 *   @actions/http-client and undici) load from their chunks while GitHub answers, and @actions/core
 *   speaks from then on.
 */
import { InputError, readConfig, type Config } from './inputs.js'
import type { ActionIO } from './io.js'
import { run as runWith } from './main.js'
import { loadBundledFetch, nodeFetchSuffices, proxyApplies, proxyAwareFetch } from './proxy.js'
import { RecoveryLedger } from './recovery.js'
import { Redactor } from './redact.js'
import { realTiming } from './retry.js'
import { runnerIO, toolkitIO } from './runner-io.js'
import { handleTermination } from './shutdown.js'

export async function run(): Promise<void> {
  /** Who speaks for the action: runner-io.ts until @actions/core is loaded. */
  let voice: ActionIO = runnerIO
  const io: ActionIO = {
    getInput: (name) => voice.getInput(name),
    setSecret: (value) => voice.setSecret(value),
    setOutput: (name, value) => voice.setOutput(name, value),
    exportVariable: (name, value) => voice.exportVariable(name, value),
    info: (message) => voice.info(message),
    warning: (message) => voice.warning(message),
    setFailed: (message) => voice.setFailed(message),
    startGroup: (name) => voice.startGroup(name),
    endGroup: () => voice.endGroup(),
    appendSummary: (markdown) => voice.appendSummary(markdown)
  }

  const ledger = new RecoveryLedger()
  const redactor = new Redactor()
  const termination = handleTermination({
    announce: (signal) =>
      io.info(
        `Received ${signal}: stopping. No new request is started; a Box answer already on its way is still awaited briefly.`
      ),
    // Whatever cut the run short, the sealed copies that are not stored yet go into the error.
    lastWords: (reason) => {
      const pending = ledger.instructions()
      io.setFailed(redactor.scrub(pending ? `${reason}\n${pending}` : reason))
    }
  })

  /** The config run() will read, or undefined when it will stop at validation (which it then reports). */
  function validConfig(): Config | undefined {
    try {
      return readConfig(io.getInput, process.env)
    } catch (error) {
      if (error instanceof InputError) return undefined
      throw error
    }
  }

  const send = proxyAwareFetch()
  let toolkit: Promise<void> | undefined
  /** GitHub's requests come first: once the first has been handed to the network, @actions/core loads. */
  const githubFetch: typeof fetch = (input, init) => {
    const response = send(input, init)
    toolkit ??= new Promise((resolve) => setImmediate(resolve))
      .then(() => import('@actions/core'))
      .then(
        (core) => {
          voice = toolkitIO(core)
        },
        // Not a reason to stop a rotation: runner-io.ts writes the same bytes.
        () => undefined
      )
    return response
  }

  try {
    const config = validConfig()
    if (config && (!nodeFetchSuffices || proxyApplies(config.githubApiUrl))) await loadBundledFetch()
    await runWith({
      io,
      env: process.env,
      fetch: send,
      githubFetch,
      timing: realTiming,
      cancel: termination.cancel,
      stop: termination.stop,
      ledger,
      redactor
    })
  } catch (error) {
    // Only a bug reaches here: every expected failure is reported by run() itself.
    const pending = ledger.instructions()
    io.setFailed(
      redactor.scrub(
        `Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}${pending ? `\n${pending}` : ''}`
      )
    )
  }
  termination.finished()
}
