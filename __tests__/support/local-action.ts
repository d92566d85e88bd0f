/**
 * Runs src/action/start.ts the way `npx @github/local-action . src/action/start.ts .env` does, for
 * __tests__/project/local-action.process.test.ts: under tsx, with the module node_modules/@actions/core/
 * lib/core.js replaced through quibble (local-action's own mechanism, `quibble.esm`) by a stub that
 * behaves like local-action's (src/stubs/core/core.ts there): masks are kept, not printed; every line
 * it prints has the masked values replaced; outputs and the failure are recorded, not printed as
 * workflow commands. The last line printed is `LOCAL_ACTION_RESULT <json>` with what was recorded.
 */
import path from 'node:path'
import * as quibble from 'quibble'
import { REPO_ROOT } from './harness.js'

const secrets: string[] = []
const outputs: Record<string, string> = {}
const exported: Record<string, string> = {}
let failed: string | undefined
const print = (text: string): void => {
  let line = text
  for (const secret of secrets) if (secret !== '') line = line.split(secret).join('****')
  process.stdout.write(`${line}\n`)
}
const summary = {
  text: '',
  addRaw(markdown: string) {
    summary.text += markdown
    return summary
  },
  async write() {
    return summary
  }
}

// quibble's types do not describe its ES module export under NodeNext; local-action declares them itself too.
const { esm } = quibble.default as unknown as { esm: (path: string, stubs: Record<string, unknown>) => Promise<void> }
await esm(path.join(REPO_ROOT, 'node_modules', '@actions', 'core', 'lib', 'core.js'), {
  getInput: (name: string) => (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim(),
  setSecret: (value: string) => void secrets.push(value),
  setOutput: (name: string, value: string) => void (outputs[name] = value),
  exportVariable: (name: string, value: string) => void (exported[name] = value),
  info: (message: string) => print(message),
  warning: (message: string) => print(`[warning] ${message}`),
  setFailed: (message: string) => {
    failed = message
    print(`[failed] ${message}`)
  },
  startGroup: (name: string) => print(`[group] ${name}`),
  endGroup: () => print('[endgroup]'),
  summary
})

const { run } = (await import(path.join(REPO_ROOT, 'src', 'action', 'start.ts'))) as { run: () => Promise<void> }
await run()
process.stdout.write(`LOCAL_ACTION_RESULT ${JSON.stringify({ outputs, exported, failed, masks: secrets.length })}\n`)
