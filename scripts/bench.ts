/**
 * `npm run bench [-- --delay=MS --runs=N --dist=DIR … --node=PATH]`: whole-process timings of the
 * bundled action (`node dist/index.js`, spawned as the runner spawns it) against the simulator,
 * which adds `delay` ms to every answer (default 100), next to bare `node -e 0` spawned the same
 * way. --dist measures another build instead; given more than once (e.g. a copy of the previous
 * build and dist), it measures them all in the same interleaved run, one column each, which is the
 * fair way to compare them on a machine whose load changes. --node picks another Node.js binary
 * (default: the one running this script).
 *
 * Each of the N iterations runs, in this order: bare node, a full rotation, bare node, a run that
 * fails input validation. Interleaving puts the same machine noise on each figure and on the bare
 * node it is compared with; ratios and differences are taken per pair, then summarised as median
 * and p10–p90. One untimed warm-up iteration comes first (page cache, the simulator's own JIT).
 *
 * (a) full rotation vs the floor, bare node + 3 × delay (three request rounds: preflight reads,
 *     Box, secret writes), and where the time between the rounds goes;
 * (b) failed input validation vs bare node: the start-up overhead of the bundle;
 * (c) the size of dist/, per file.
 *
 * --profile measures nothing of the above: it rebuilds this checkout's action with source maps and
 * prints where the CPU time of a failed validation and of a rotation goes, by module
 * (scripts/bench-profile.ts), over --runs runs of each (default 5).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { cpus, tmpdir } from 'node:os'
import { join, relative, resolve, sep } from 'node:path'
import {
  actionDefaults,
  inputVariable,
  parseFileCommands,
  REPO_ROOT,
  spawnNode,
  type SpawnedNode
} from '../__tests__/support/harness.js'
import { startSimulator, type LoggedRequest, type Simulator } from '../__tests__/simulator/index.js'
import { chargeProfile, clockOffsetMs, profileBuildDir, readModuleNames, type ModuleTimes } from './bench-profile.js'

const REPOSITORY = 'octo-org/api-tests'
const SECRET = 'BOX_REFRESH_TOKEN'
const GITHUB_TOKEN = 'ghp_bench_token'
const RUN_ID = 1001
const TIMEOUT_MS = 20_000

interface Options {
  delayMs: number
  runs: number
  dists: string[]
  node: string
  profile: boolean
}

function parseOptions(argv: string[]): Options {
  const options: Options = { delayMs: 100, runs: 0, dists: [], node: process.execPath, profile: false }
  for (const arg of argv) {
    if (arg === '--profile') {
      options.profile = true
      continue
    }
    const match = /^--(delay|runs|dist|node)=(.+)$/.exec(arg)
    if (!match) throw new Error(`unknown argument ${arg}; use --delay=MS, --runs=N, --dist=DIR, --node=PATH, --profile`)
    const [, name, value] = match
    if (name === 'dist') options.dists.push(resolve(value!))
    else if (name === 'node') options.node = resolve(value!)
    else {
      const n = Number(value)
      if (!Number.isInteger(n) || n < (name === 'runs' ? 1 : 0))
        throw new Error(`--${name} must be a whole number, not ${value}`)
      if (name === 'delay') options.delayMs = n
      else options.runs = n
    }
  }
  if (options.profile && options.dists.length > 0) throw new Error('--profile measures this checkout: leave out --dist')
  if (options.dists.length === 0)
    options.dists.push(options.profile ? profileBuildDir(REPO_ROOT) : join(REPO_ROOT, 'dist'))
  options.runs ||= options.profile ? 5 : 20
  return options
}

// ---- spawning, as the runner (and __tests__/support/harness.ts) does --------------------------------

type Timed = SpawnedNode & { ms: number }

const clock = (): number => performance.timeOrigin + performance.now()

/** The Node.js binary every process is spawned with (--node). */
let nodeBinary = process.execPath
/** Node.js options for the action's runs (not bare node's): --profile's --cpu-prof. */
let actionOptions: string[] = []

/** The harness's spawn (clean env, pipes drained), timed from spawn() to 'close'. */
async function timedSpawn(args: string[], cwd: string, env: Record<string, string>): Promise<Timed> {
  const result = await spawnNode(args, cwd, env, TIMEOUT_MS, nodeBinary)
  return { ...result, ms: result.endedAt - result.startedAt }
}

interface RunDirectory {
  root: string
  workspace: string
  output: string
}

/** A fresh runner-like environment, built from nothing as the harness builds it. */
async function runnerEnvironment(
  inputs: Record<string, string>,
  sim: Simulator
): Promise<{ dir: RunDirectory; env: Record<string, string> }> {
  const root = await mkdtemp(join(tmpdir(), 'box-token-refresh-bench-'))
  const dir = { root, workspace: join(root, 'workspace'), output: join(root, 'commands', 'github_output') }
  for (const sub of ['workspace', 'runner-temp', 'home', 'commands']) await mkdir(join(root, sub))
  const commands = {
    GITHUB_OUTPUT: dir.output,
    GITHUB_ENV: '',
    GITHUB_STATE: '',
    GITHUB_PATH: '',
    GITHUB_STEP_SUMMARY: ''
  }
  for (const name of Object.keys(commands) as Array<keyof typeof commands>) {
    commands[name] = join(root, 'commands', name.toLowerCase())
    await writeFile(commands[name], '')
  }
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: join(root, 'home'),
    RUNNER_TEMP: join(root, 'runner-temp'),
    RUNNER_OS: 'Linux',
    GITHUB_WORKSPACE: dir.workspace,
    ...commands,
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_RUN_ID: String(RUN_ID),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_API_URL: sim.githubApiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_ACTIONS: 'true',
    CI: 'true'
  }
  for (const [name, value] of Object.entries({ ...actionDefaults(env), ...inputs })) env[inputVariable(name)] = value
  return { dir, env }
}

// ---- one iteration ------------------------------------------------------------------------------

interface Phases {
  /** spawn → first request arrives: Node start-up, loading the bundle, reading inputs. */
  toFirstRequest: number
  preflight: number
  toBox: number
  box: number
  toWrite: number
  write: number
  /** last answer → process closed: outputs, summary, exit. */
  toExit: number
}

interface Sample {
  bareBeforeRotation: number
  rotation: number
  phases: Phases
  bareBeforeInvalid: number
  invalid: number
}

async function rotation(
  sim: Simulator,
  script: string
): Promise<{ bare: Timed; run: Timed; phases: Phases; requests: LoggedRequest[] }> {
  const refreshToken = sim.box.issueRefreshToken({ ageDays: 1 })
  sim.github.setSecret({ kind: 'repository', repo: REPOSITORY }, SECRET, refreshToken, {
    updatedAt: new Date(Date.now() - 86_400_000)
  })
  sim.github.addRun(REPOSITORY, RUN_ID, { createdAt: new Date() })
  const { dir, env } = await runnerEnvironment(
    {
      'client-id': sim.box.client.id,
      'client-secret': sim.box.client.secret,
      'refresh-token': refreshToken,
      'github-token': GITHUB_TOKEN,
      'box-api-url': sim.boxUrl,
      'postman-environment': 'box.postman_environment.json'
    },
    sim
  )
  try {
    const bare = await timedSpawn(['-e', '0'], dir.workspace, env)
    const firstRequest = sim.requests.length
    const run = await timedSpawn([...actionOptions, script], dir.workspace, env)
    const requests = sim.requests.slice(firstRequest)
    const outputs = parseFileCommands(await readFile(dir.output, 'utf8'))
    const written = sim.github.getSecret({ kind: 'repository', repo: REPOSITORY }, SECRET)?.plaintext
    if (run.code !== 0 || outputs['secret-updated'] !== 'true' || written !== sim.box.issued.at(-1)?.refreshToken) {
      throw new Error(
        `bench: the rotation did not succeed (exit code ${run.code})\nstdout:\n${run.stdout}\nstderr:\n${run.stderr}`
      )
    }
    return { bare, run, phases: phases(run, requests), requests }
  } finally {
    await rm(dir.root, { recursive: true, force: true })
  }
}

async function invalidInputs(sim: Simulator, script: string): Promise<{ bare: Timed; run: Timed }> {
  const { dir, env } = await runnerEnvironment(
    {
      'client-id': '',
      'client-secret': 'x',
      'refresh-token': 'x',
      'github-token': GITHUB_TOKEN,
      'box-api-url': sim.boxUrl
    },
    sim
  )
  try {
    const bare = await timedSpawn(['-e', '0'], dir.workspace, env)
    const before = sim.requests.length
    const run = await timedSpawn([...actionOptions, script], dir.workspace, env)
    if (run.code !== 1 || !/::error::An input is not valid/.test(run.stdout) || sim.requests.length !== before) {
      throw new Error(
        `bench: the invalid-input run did not fail validation as expected (exit code ${run.code})\nstdout:\n${run.stdout}\nstderr:\n${run.stderr}`
      )
    }
    return { bare, run }
  } finally {
    await rm(dir.root, { recursive: true, force: true })
  }
}

/** Splits a rotation at its three rounds, using the simulator's arrival and answer times. */
function phases(run: Timed, requests: LoggedRequest[]): Phases {
  const boxIndex = requests.findIndex((r) => r.service === 'box')
  const reads = requests.slice(0, boxIndex)
  const box = requests[boxIndex]
  const writes = requests.slice(boxIndex + 1)
  if (
    !box ||
    reads.length === 0 ||
    writes.length === 0 ||
    writes.some((r) => r.method !== 'PUT') ||
    reads.some((r) => r.method !== 'GET')
  ) {
    throw new Error(
      `bench: unexpected request sequence: ${requests.map((r) => `${r.service} ${r.method} ${r.path}`).join(', ')}`
    )
  }
  const end = (rs: LoggedRequest[]): number => Math.max(...rs.map((r) => r.endedAt ?? Number.NaN))
  const start = (rs: LoggedRequest[]): number => Math.min(...rs.map((r) => r.startedAt))
  return {
    toFirstRequest: start(reads) - run.startedAt,
    preflight: end(reads) - start(reads),
    toBox: box.startedAt - end(reads),
    box: end([box]) - box.startedAt,
    toWrite: start(writes) - end([box]),
    write: end(writes) - start(writes),
    toExit: run.endedAt - end(writes)
  }
}

// ---- statistics and the table -------------------------------------------------------------------

interface Summary {
  median: number
  p10: number
  p90: number
}

function quantile(sorted: number[], q: number): number {
  const position = (sorted.length - 1) * q
  const low = Math.floor(position)
  const high = Math.ceil(position)
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low)
}

function summarize(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b)
  return { median: quantile(sorted, 0.5), p10: quantile(sorted, 0.1), p90: quantile(sorted, 0.9) }
}

function bundleFiles(dist: string): Array<{ file: string; bytes: number }> {
  const files: Array<{ file: string; bytes: number }> = []
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else files.push({ file: relative(dist, path), bytes: statSync(path).size })
    }
  }
  walk(dist)
  return files
}

/**
 * Per build: everything, the action's own files (dist/*: index.js is what `node dist/index.js`
 * loads at start-up, the numbered files are chunks it imports later) one by one, then each
 * subfolder (another entry point, e.g. the login CLI, which the action never loads) as one line.
 */
function bundleRows(dists: string[], kb: (bytes: number) => string): Row[] {
  const listings = dists.map((dist) => ({ dist, files: bundleFiles(dist) }))
  const sum = (files: Array<{ bytes: number }>): number => files.reduce((total, f) => total + f.bytes, 0)
  const own = (file: string): boolean => !file.includes(sep)
  const ownNames = [...new Set(listings.flatMap((l) => l.files.filter((f) => own(f.file)).map((f) => f.file)))]
  const largest = (name: string): number =>
    Math.max(...listings.map((l) => l.files.find((f) => f.file === name)?.bytes ?? 0))
  ownNames.sort((a, b) => (a === 'index.js' ? -1 : b === 'index.js' ? 1 : largest(b) - largest(a)))
  const folders = [
    ...new Set(listings.flatMap((l) => l.files.filter((f) => !own(f.file)).map((f) => f.file.split(sep)[0]!)))
  ].sort()
  const describe = (name: string): string => {
    if (name === 'index.js') return 'index.js (loaded at start-up)'
    if (!/^\d+\.index\.js$/.test(name)) return name
    const holder = listings.find((l) => l.files.some((f) => f.file === name))!
    return `${name} (chunk, loaded on demand${readFileSync(join(holder.dist, name), 'utf8').includes('libsodium') ? ': libsodium' : ''})`
  }
  const cells = (size: (files: Array<{ file: string; bytes: number }>) => number | undefined): string[] =>
    listings.flatMap((l) => {
      const bytes = size(l.files)
      return [bytes === undefined ? '–' : kb(bytes), '']
    })
  return [
    { label: '(c) bundle size, all files', cells: cells(sum) },
    { label: '    the action', cells: cells((files) => sum(files.filter((f) => own(f.file)))) },
    ...ownNames.map((name) => ({
      label: `      ${describe(name)}`,
      cells: cells((files) => files.find((f) => f.file === name)?.bytes)
    })),
    ...folders.map((folder) => ({
      label: `    ${folder}/ (not loaded by the action)`,
      cells: cells((files) => {
        const inside = files.filter((f) => f.file.startsWith(folder + sep))
        return inside.length === 0 ? undefined : sum(inside)
      })
    }))
  ]
}

/** `dist` for the repository's own, the absolute path for anything outside it. */
function shortPath(path: string): string {
  const inRepo = relative(REPO_ROOT, path)
  return inRepo === '' || inRepo.startsWith('..') ? path : inRepo
}

/** A label, then two cells (median, p10 – p90; or a size and nothing) per build; no cells: a heading. */
interface Row {
  label: string
  cells: string[]
}

function table(header: Row, rows: Row[]): string {
  const all = [header, ...rows]
  const labelWidth = Math.max(...all.map((r) => r.label.length))
  const widths = header.cells.map((_, i) => Math.max(...all.map((r) => r.cells[i]?.length ?? 0)))
  return all
    .map((r) =>
      r.cells.length === 0
        ? r.label
        : [r.label.padEnd(labelWidth), ...r.cells.map((c, i) => c.padStart(widths[i]!))].join('   ').trimEnd()
    )
    .join('\n')
}

function report(options: Options, samples: Sample[][], totalMs: number, note: string): string {
  const ms = (v: number): string => `${Math.round(v)} ms`
  const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`
  const ratio = (v: number): string => `${v.toFixed(2)} ×`
  const signedMs = (v: number): string => `${v >= 0 ? '+' : '−'}${Math.abs(Math.round(v))} ms`
  const d = options.delayMs
  const floor = (s: Sample): number => s.bareBeforeRotation + 3 * d
  /** One figure per sample of every build → its median and p10 – p90 per build. */
  const row = (label: string, value: (s: Sample) => number, f: (v: number) => string = ms): Row => ({
    label,
    cells: samples.flatMap((build) => {
      const s = summarize(build.map(value))
      return [f(s.median), `${f(s.p10)} – ${f(s.p90)}`]
    })
  })
  const phase =
    (name: keyof Phases) =>
    (s: Sample): number =>
      s.phases[name]
  const single = options.dists.length === 1

  const header: Row = {
    label: single ? '' : 'build:',
    cells: options.dists.flatMap((dist) =>
      single ? ['median', 'p10 – p90'] : [`${shortPath(dist)}: median`, 'p10 – p90']
    )
  }
  const rows: Row[] = [
    { label: `(a) full rotation (3 request rounds, ${d} ms each)`, cells: [] },
    row('    node index.js', (s) => s.rotation),
    row(`    floor = bare node + 3 × ${d} ms`, floor),
    row('    rotation / floor', (s) => s.rotation / floor(s), ratio),
    { label: '    where the rotation spends its time:', cells: [] },
    row('      spawn → first request', phase('toFirstRequest')),
    row('      round 1: preflight reads', phase('preflight')),
    row('      reads answered → Box request', phase('toBox')),
    row('      round 2: Box refresh', phase('box')),
    row('      Box answered → first write', phase('toWrite')),
    row('      round 3: secret write', phase('write')),
    row('      write answered → exit', phase('toExit')),
    { label: '(b) run that fails input validation', cells: [] },
    row('    node index.js', (s) => s.invalid),
    row('    bare node (node -e 0)', (s) => s.bareBeforeInvalid),
    row('    start-up overhead', (s) => s.invalid - s.bareBeforeInvalid, signedMs),
    ...bundleRows(options.dists, kb)
  ]
  const cpu = cpus()
  const version = execFileSync(nodeBinary, ['--version'], { encoding: 'utf8' }).trim()
  return [
    `Box Token Refresh benchmark: Node.js ${version}, ${process.platform}-${process.arch}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}`,
    `${single ? shortPath(options.dists[0]!) : `${options.dists.length} builds`}: ${options.runs} interleaved runs, ${d} ms added to every answer; ` +
      'ratios and differences taken per pair, then summarised.',
    '',
    table(header, rows),
    '',
    `(${(totalMs / 1000).toFixed(1)} s in all${note})`
  ].join('\n')
}

/**
 * Linux's CPU counters, in clock ticks: the machine's (/proc/stat) and this process's own plus its
 * waited-for children's (/proc/self/stat), to tell how much of the machine something else used.
 */
function cpuTicks(): { busy: number; steal: number; total: number; ours: number } | undefined {
  try {
    // user nice system idle iowait irq softirq steal (guest time is already counted in user)
    const machine = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number)
    // after "(comm)": field 14 utime, 15 stime, 16 cutime, 17 cstime (1-based, as in proc(5))
    const self = readFileSync('/proc/self/stat', 'utf8')
      .replace(/^.*\) /s, '')
      .split(' ')
      .map(Number)
    const total = machine.reduce((a, b) => a + b, 0)
    return {
      busy: total - machine[3]! - machine[4]!,
      steal: machine[7]!,
      total,
      ours: self[11]! + self[12]! + self[13]! + self[14]!
    }
  } catch {
    return undefined
  }
}

/** How much of the machine's CPU time went to other processes, or was stolen by the hypervisor. */
function loadNote(before: ReturnType<typeof cpuTicks>, after: ReturnType<typeof cpuTicks>): string {
  if (!before || !after || after.total <= before.total) return ''
  const total = after.total - before.total
  const others = (100 * (after.busy - before.busy - (after.steal - before.steal) - (after.ours - before.ours))) / total
  const steal = (100 * (after.steal - before.steal)) / total
  const noisy = others + steal >= 5
  return (
    `; of the machine's CPU time, ${Math.max(0, others).toFixed(0)} % went to other processes and ${steal.toFixed(0)} % ` +
    `was stolen by the hypervisor${noisy ? ': the figures are inflated, run again on a quieter machine' : ''}`
  )
}

// ---- --profile ----------------------------------------------------------------------------------

/** This checkout's action, rebuilt with source maps into .bench/profile (ncc, as `npm run bundle`). */
function buildWithSourceMaps(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
  execFileSync(
    join(REPO_ROOT, 'node_modules', '.bin', 'ncc'),
    [
      'build',
      'src/index.ts',
      '-o',
      dir,
      '--source-map',
      '--no-source-map-register',
      `--stats-out=${join(dir, 'stats.json')}`,
      '--quiet'
    ],
    { cwd: REPO_ROOT, stdio: 'inherit' }
  )
}

/** The one .cpuprofile a run left in `dir`. */
function profileIn(dir: string): string {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))
  if (files.length !== 1) throw new Error(`bench: expected one CPU profile in ${dir}, found ${files.length}`)
  return join(dir, files[0]!)
}

async function profileRuns(options: Options, sim: Simulator): Promise<string> {
  const build = options.dists[0]!
  buildWithSourceMaps(build)
  const script = join(build, 'index.js')
  const moduleNames = readModuleNames(join(build, 'stats.json'))
  const INTERVAL_US = 100
  const invalid: ModuleTimes = new Map()
  const rotations: ModuleTimes = new Map()
  /** Profiles the next run of the action into `dir` (none for the warm-up), and returns where it will be. */
  const profileInto = (dir: string | undefined): string | undefined => {
    actionOptions = dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-interval=${INTERVAL_US}`] : []
    return dir
  }
  const round = (rs: LoggedRequest[]): [number, number] => [
    Math.min(...rs.map((r) => r.startedAt)),
    Math.max(...rs.map((r) => r.endedAt ?? Number.NaN))
  ]
  for (let i = -1; i < options.runs; i++) {
    const cpu = i < 0 ? undefined : join(build, 'cpu', String(i))
    const rotationDir = profileInto(cpu && join(cpu, 'rotation'))
    const a = await rotation(sim, script)
    if (rotationDir) {
      const box = a.requests.findIndex((r) => r.service === 'box')
      const timeline = {
        firstRequestAt: a.requests[0]!.startedAt,
        rounds: [round(a.requests.slice(0, box)), round([a.requests[box]!]), round(a.requests.slice(box + 1))]
      }
      chargeProfile(profileIn(rotationDir), build, moduleNames, rotations, 3, timeline, clockOffsetMs())
    }
    const invalidDir = profileInto(cpu && join(cpu, 'invalid'))
    await invalidInputs(sim, script)
    if (invalidDir) chargeProfile(profileIn(invalidDir), build, moduleNames, invalid, 1)
    if (process.stderr.isTTY && i >= 0) process.stderr.write(`\rrun ${i + 1}/${options.runs}`)
  }
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K')
  profileInto(undefined)

  const names = [...new Set([...invalid.keys(), ...rotations.keys()])]
  const total = (name: string): number =>
    (invalid.get(name)?.[0] ?? 0) + (rotations.get(name) ?? []).reduce((a, b) => a + b, 0)
  names.sort((a, b) => total(b) - total(a))
  const ms = (v: number | undefined): string => `${((v ?? 0) / options.runs).toFixed(1)} ms`
  const sum = (times: ModuleTimes, column: number): number =>
    [...times.values()].reduce((acc, row) => acc + (row[column] ?? 0), 0)
  const header: Row = {
    label: 'CPU time, mean of one run',
    cells: ['failed validation', 'rotation: to its first request', 'while a round is in flight', 'the rest']
  }
  const rows: Row[] = names.map((name) => ({
    label: `  ${name}`,
    cells: [ms(invalid.get(name)?.[0]), ...[0, 1, 2].map((c) => ms(rotations.get(name)?.[c]))]
  }))
  rows.push({ label: '  all', cells: [ms(sum(invalid, 0)), ...[0, 1, 2].map((c) => ms(sum(rotations, c)))] })
  const version = execFileSync(nodeBinary, ['--version'], { encoding: 'utf8' }).trim()
  return [
    `Box Token Refresh CPU profile: Node.js ${version}; this checkout rebuilt with source maps (${shortPath(build)}); ` +
      `${options.runs} runs of each, ${options.delayMs} ms added to every answer.`,
    `Each sample goes to the innermost frame of a module of the bundle, or of Node's fetch; sampling every ${INTERVAL_US / 1000} ms ` +
      'slows the runs, so read the figures as shares. "The rest" (between an answer and the next request, and after ' +
      'the last one) and the first column are what make a rotation longer than its floor.',
    '',
    table(header, rows)
  ].join('\n')
}

// ---- main ---------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2))
  nodeBinary = options.node
  if (options.profile) {
    const sim = await startSimulator({ delayMs: options.delayMs })
    sim.github.addRepository(REPOSITORY)
    sim.github.addToken(GITHUB_TOKEN, 'write')
    try {
      console.log(await profileRuns(options, sim))
    } finally {
      await sim.close()
    }
    return
  }
  const scripts = options.dists.map((dist) => join(dist, 'index.js'))
  for (const script of scripts)
    if (!existsSync(script)) throw new Error(`${script} does not exist: run \`npm run bundle\` first.`)
  const began = clock()
  const ticks = cpuTicks()
  const sim = await startSimulator({ delayMs: options.delayMs })
  sim.github.addRepository(REPOSITORY)
  sim.github.addToken(GITHUB_TOKEN, 'write')
  try {
    const samples: Sample[][] = scripts.map(() => [])
    for (let i = -1; i < options.runs; i++) {
      // Several builds take turns, starting with a different one each time.
      for (let k = 0; k < scripts.length; k++) {
        const b = (i + 1 + k) % scripts.length
        const a = await rotation(sim, scripts[b]!)
        const v = await invalidInputs(sim, scripts[b]!)
        if (i < 0) continue // warm-up
        samples[b]!.push({
          bareBeforeRotation: a.bare.ms,
          rotation: a.run.ms,
          phases: a.phases,
          bareBeforeInvalid: v.bare.ms,
          invalid: v.run.ms
        })
      }
      if (process.stderr.isTTY && i >= 0) process.stderr.write(`\rrun ${i + 1}/${options.runs}`)
    }
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K')
    console.log(report(options, samples, clock() - began, loadNote(ticks, cpuTicks())))
  } finally {
    await sim.close()
  }
}

await main()
