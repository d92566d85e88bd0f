/**
 * The mutation score of each module from Stryker's JSON report (`npm run mutation` runs it after
 * `stryker run`), and a failure when any module is under the `high` threshold of
 * stryker.config.mjs: Stryker's own `break` threshold only looks at all the files together, where a
 * well-tested module hides a weak one.
 *
 * The score is Stryker's: killed and timed-out mutants over every mutant that ran or had no test
 * (survived and no coverage count against it); mutants that do not compile, and the equivalent ones
 * the sources mark with `// Stryker disable`, are left out, and shown.
 *
 *   tsx scripts/mutation-scores.ts [reports/mutation/mutation.json]
 */
import { readFileSync } from 'node:fs'

interface Mutant {
  status: string
  mutatorName: string
  location: { start: { line: number } }
  /** For an ignored mutant, the reason its `// Stryker disable` comment gives. */
  statusReason?: string
}

interface Report {
  thresholds: { high: number; low: number }
  files: Record<string, { mutants: Mutant[] }>
}

const COLUMNS = [
  ['killed', 'Killed'],
  ['survived', 'Survived'],
  ['no coverage', 'NoCoverage'],
  ['timeout', 'Timeout'],
  ['equivalent', 'Ignored'],
  ['no compile', 'CompileError']
] as const

const file = process.argv[2] ?? 'reports/mutation/mutation.json'
const report = JSON.parse(readFileSync(file, 'utf8')) as Report
const floor = report.thresholds.high

const rows = Object.entries(report.files)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([path, { mutants }]) => {
    const count = (status: string): number => mutants.filter((m) => m.status === status).length
    const counts = COLUMNS.map(([, status]) => count(status))
    const detected = count('Killed') + count('Timeout')
    const valid = detected + count('Survived') + count('NoCoverage')
    return { path, counts, score: valid === 0 ? 100 : (100 * detected) / valid }
  })

const width = Math.max('module'.length, ...rows.map((r) => r.path.length))
const line = (cells: string[]): string =>
  cells.map((cell, i) => (i === 0 ? cell.padEnd(width) : cell.padStart(i <= COLUMNS.length ? 11 : 8))).join('  ')
console.log(line(['module', ...COLUMNS.map(([name]) => name), 'score']))
for (const row of rows) console.log(line([row.path, ...row.counts.map(String), `${row.score.toFixed(1)} %`]))

// The equivalent mutants, one line per marked source line: what the closing note of a change lists.
const equivalents = new Map<string, { mutators: Set<string>; reason: string }>()
for (const [path, { mutants }] of Object.entries(report.files)) {
  for (const m of mutants.filter((x) => x.status === 'Ignored')) {
    const where = `${path}:${m.location.start.line}`
    const entry = equivalents.get(where) ?? { mutators: new Set<string>(), reason: m.statusReason ?? '' }
    entry.mutators.add(m.mutatorName)
    equivalents.set(where, entry)
  }
}
if (equivalents.size > 0) {
  console.log('\nMarked equivalent (`// Stryker disable` at the line):')
  for (const [where, { mutators, reason }] of [...equivalents].sort(([a], [b]) =>
    a.localeCompare(b, 'en', { numeric: true })
  ))
    console.log(`  ${where} ${[...mutators].sort().join(', ')}: ${reason}`)
}

const under = rows.filter((r) => r.score < floor)
if (under.length > 0) {
  console.log(
    `\nUnder ${floor} % (thresholds.high in stryker.config.mjs): ${under.map((r) => r.path).join(', ')}. ` +
      'Read the survivors in reports/mutation/mutation.html, and add a test that fails on each, or mark a ' +
      'truly equivalent one with `// Stryker disable next-line <mutator>: <why>`.'
  )
  process.exitCode = 1
} else {
  console.log(`\nEvery module is at ${floor} % or more.`)
}
