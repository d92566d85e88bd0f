#!/usr/bin/env node
/** The `login` command's entry: real collaborators in, everything else in login/main.ts. */
import { bugReport } from './error-text.js'
import { EXIT, login } from './login/main.js'
import { ghAuthToken, openInBrowser, terminalPrompt } from './login/system.js'
import { proxyAwareFetch } from './proxy.js'
import { RecoveryLedger } from './recovery.js'
import { Redactor } from './redact.js'
import { realTiming } from './retry.js'
import { handleTermination } from './shutdown.js'

const ledger = new RecoveryLedger()
// The command's own: it learns every credential login() sees, so even a bug's stack is cleaned.
const redactor = new Redactor()
const termination = handleTermination(
  {
    announce: () => process.stderr.write('\nCancelling…\n'),
    // After an unexpected error, the sealed copies not yet stored are sent once more before the last words.
    rescue: async (deadline) => {
      for (const target of await ledger.rescue(deadline)) process.stderr.write(`Stored the ${target} after all.\n`)
    },
    lastWords: (reason) => {
      const pending = ledger.instructions()
      process.stderr.write(redactor.scrub(`${reason}\n${pending ? `${pending}\n` : 'Nothing was stored.\n'}`))
    }
  },
  { cancelledExitCode: EXIT.cancelled }
)

try {
  process.exitCode = await login({
    argv: process.argv.slice(2),
    env: process.env,
    // Like the action: https_proxy / no_proxy apply to Box as they do to GitHub (through Octokit).
    fetch: proxyAwareFetch(),
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    prompt: terminalPrompt,
    openBrowser: (url) => openInBrowser(url),
    ghAuthToken,
    timing: realTiming,
    // Run through the package's bin link, or as `node dist/login/index.js` from a clone.
    commandName: /box-token-login(\.cmd)?$/.test(process.argv[1] ?? '')
      ? 'box-token-login'
      : 'node dist/login/index.js',
    cancel: termination.cancel,
    stop: termination.stop,
    lastCall: termination.lastCall,
    ledger,
    redactor
  })
} catch (error) {
  // Only a bug reaches here: every expected failure is reported by login() itself.
  process.stderr.write(redactor.scrub(`${ledger.lastWords(`Unexpected error: ${bugReport(error)}`)}\n`))
  process.exitCode = 1
}
termination.finished()
