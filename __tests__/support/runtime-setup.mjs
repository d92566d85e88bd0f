/**
 * Jest's global setup: a fresh file for support/e2e-node.ts to record every bundle run in (the
 * workers, and the processes they start, inherit E2E_NODE_LOG), read by runtime-reporter.mjs.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export default function runtimeSetup() {
  const log = join(mkdtempSync(join(tmpdir(), 'box-token-refresh-runtime-')), 'bundle-runs.log')
  writeFileSync(log, '')
  process.env.E2E_NODE_LOG = log
}
