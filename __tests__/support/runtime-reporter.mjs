/**
 * A Jest reporter that says which Node.js ran what: the in-process tests run on the Node.js that
 * runs Jest, the bundles on the binaries support/e2e-node.ts recorded (Node.js 24 unless E2E_NODE
 * says otherwise). With RUNTIME_REPORT set, the same line is also written to that file (.ci/run
 * prints it next to its test counts).
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, relative } from 'node:path'

export default class RuntimeReporter {
  onRunComplete() {
    const log = process.env.E2E_NODE_LOG
    if (!log) return
    let runs = []
    try {
      runs = readFileSync(log, 'utf8').split('\n').filter(Boolean)
    } catch {
      // nothing recorded
    }
    rmSync(dirname(log), { recursive: true, force: true })
    const counts = new Map()
    for (const binary of runs) counts.set(binary, (counts.get(binary) ?? 0) + 1)
    const bundles = [...counts].map(([binary, count]) => {
      let version
      try {
        version = execFileSync(binary, ['-p', 'process.version'], { encoding: 'utf8' }).trim()
      } catch {
        version = 'unknown version'
      }
      const shown = relative(process.cwd(), binary)
      return `${count} on Node.js ${version} (${shown.startsWith('..') ? binary : shown})`
    })
    const line =
      `Node.js: in-process tests on ${process.version}; ` +
      (bundles.length > 0 ? `bundles run ${bundles.join(', ')}` : 'no bundle run')
    process.stderr.write(`\n${line}\n`)
    if (process.env.RUNTIME_REPORT) writeFileSync(process.env.RUNTIME_REPORT, `${line}\n`)
  }
}
