/**
 * Runs the bundled action the way the GitHub runner does, for end-to-end tests:
 * `node dist/index.js` in a fresh workspace, inputs as INPUT_* variables (action.yml defaults
 * filled in, as the runner does and @actions/core does not), file commands parsed afterwards,
 * and a leak scan over everything the action left behind.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { lstat, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, isAbsolute, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { assertFreshBundle } from './bundle-guard.js'
import { bundleNode, recordBundleRun } from './e2e-node.js'

/** The repository root (this file is <repo>/__tests__/support/harness.ts). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

export interface ActionRun {
  /** Exit code; null when the process was killed (see `timedOut` and `signal`). */
  code: number | null
  /** The signal that ended the process, when one did. */
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  /** GITHUB_OUTPUT, parsed. */
  outputs: Record<string, string>
  /** GITHUB_ENV, parsed. */
  env: Record<string, string>
  /** GITHUB_STATE, parsed (an addition: saved state can leak too). */
  state: Record<string, string>
  /** GITHUB_STEP_SUMMARY as written. */
  summary: string
  /** Absolute path the workspace had; removed after the run unless `keep` was set. */
  workspace: string
  /** RUNNER_TEMP of the run (same lifetime as `workspace`). */
  runnerTemp: string
  /** Every file left in the workspace, RUNNER_TEMP and HOME: absolute path → content (utf8). */
  files: Record<string, string>
  /** Permission bits (mode & 0o777) of each file in `files`. */
  fileModes: Record<string, number>
  durationMs: number
  /** True when the run was killed after `timeoutMs`. */
  timedOut: boolean
}

export interface RunActionOptions {
  /** Added to (or, with undefined, removed from) the runner's environment; inputs still win. */
  env?: Record<string, string | undefined>
  /** Kill the action after this long; default 20 s (below jest's 30 s test timeout). */
  timeoutMs?: number
  /** Default <repo>/dist/index.js. */
  script?: string
  /** Files to create in the workspace before the run: relative path → content. */
  workspaceFiles?: Record<string, string>
  /** Fill in action.yml input defaults as the runner does; default true (when action.yml exists). */
  actionDefaults?: boolean
  /** Keep the temp directories for debugging instead of removing them. */
  keep?: boolean
  /** Called once the process is spawned, e.g. to send it signals as the runner does; `output()` is its stdout so far. */
  control?: (child: ChildProcess, output: () => string) => void
  /** The Node.js binary; by default the one the bundles run on (`bundleNode()`: Node.js 24). */
  node?: string
}

/**
 * The Node.js versions a fault that must never cost the token is run under, as [label, binary]:
 * this machine's, and the runner's (bundleNode(): Node.js 24 from the registry).
 */
export function bothNodes(): Array<[string, string]> {
  return [
    [`Node ${process.versions.node.split('.')[0]}`, process.execPath],
    ['Node 24', bundleNode()]
  ]
}

const DEFAULT_TIMEOUT_MS = 20_000

export async function runAction(inputs: Record<string, string>, options: RunActionOptions = {}): Promise<ActionRun> {
  const script = options.script ?? join(REPO_ROOT, 'dist', 'index.js')
  if (!existsSync(script)) throw new Error(`runAction: ${script} does not exist (run \`npm run bundle\` first)`)
  if (script.startsWith(join(REPO_ROOT, 'dist'))) assertFreshBundle()

  const dirs = await makeRunDirectories()
  try {
    await seedWorkspace(dirs.workspace, options.workspaceFiles ?? {})
    const env = runnerEnvironment(dirs, inputs, options)
    const started = Date.now()
    const { code, signal, stdout, stderr, timedOut } = await spawnNode(
      [script],
      dirs.workspace,
      env,
      options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      options.node,
      options.control
    )
    const result = { code, signal, stdout, stderr, timedOut }
    const durationMs = Date.now() - started
    const { files, fileModes } = await collectFiles([dirs.workspace, dirs.runnerTemp, dirs.home])
    return {
      ...result,
      outputs: parseFileCommands(await readFile(dirs.commands.GITHUB_OUTPUT, 'utf8'), 'GITHUB_OUTPUT'),
      env: parseFileCommands(await readFile(dirs.commands.GITHUB_ENV, 'utf8'), 'GITHUB_ENV'),
      state: parseFileCommands(await readFile(dirs.commands.GITHUB_STATE, 'utf8'), 'GITHUB_STATE'),
      summary: await readFile(dirs.commands.GITHUB_STEP_SUMMARY, 'utf8'),
      workspace: dirs.workspace,
      runnerTemp: dirs.runnerTemp,
      files,
      fileModes,
      durationMs
    }
  } finally {
    if (!options.keep) await rm(dirs.root, { recursive: true, force: true })
  }
}

/** The run's first `::error::` line (what the runner shows as the step's error), or ''. */
export const errorLine = (run: Pick<ActionRun, 'stdout'>): string =>
  run.stdout.split('\n').find((line) => line.startsWith('::error::')) ?? ''

/** The post step's bundle (action.yml `runs.post`). */
export const POST_SCRIPT = join(REPO_ROOT, 'dist', 'post', 'index.js')

/**
 * The post step as the runner runs it when the job ends: the same inputs, and each state the main
 * step saved as a `STATE_<name>` variable.
 */
export function runPostStep(
  inputs: Record<string, string>,
  main: Pick<ActionRun, 'state'>,
  options: RunActionOptions = {}
): Promise<ActionRun> {
  const state = Object.fromEntries(Object.entries(main.state).map(([name, value]) => [`STATE_${name}`, value]))
  return runAction(inputs, { ...options, script: POST_SCRIPT, env: { ...options.env, ...state } })
}

// ---- the run's directories and environment ----------------------------------------------------

type CommandFile = 'GITHUB_OUTPUT' | 'GITHUB_ENV' | 'GITHUB_STATE' | 'GITHUB_PATH' | 'GITHUB_STEP_SUMMARY'

interface RunDirectories {
  root: string
  workspace: string
  runnerTemp: string
  home: string
  /** Kept apart from workspace and temp so they are not counted as files the action left. */
  commands: Record<CommandFile, string>
}

async function makeRunDirectories(): Promise<RunDirectories> {
  const root = await mkdtemp(join(tmpdir(), 'box-token-refresh-e2e-'))
  const dirs: RunDirectories = {
    root,
    workspace: join(root, 'workspace'),
    runnerTemp: join(root, 'runner-temp'),
    home: join(root, 'home'),
    commands: {
      GITHUB_OUTPUT: join(root, 'commands', 'output'),
      GITHUB_ENV: join(root, 'commands', 'env'),
      GITHUB_STATE: join(root, 'commands', 'state'),
      GITHUB_PATH: join(root, 'commands', 'path'),
      GITHUB_STEP_SUMMARY: join(root, 'commands', 'step_summary')
    }
  }
  for (const dir of [dirs.workspace, dirs.runnerTemp, dirs.home, join(root, 'commands')]) await mkdir(dir)
  for (const file of Object.values(dirs.commands)) await writeFile(file, '')
  return dirs
}

async function seedWorkspace(workspace: string, files: Record<string, string>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    const target = resolve(workspace, path)
    await mkdir(dirname(target), { recursive: true })
    await writeFile(target, content)
  }
}

/**
 * A clean environment built from nothing: inheriting the parent's would pass jest's NODE_OPTIONS
 * (--experimental-vm-modules) and whatever else the developer has set into the action.
 */
function runnerEnvironment(
  dirs: RunDirectories,
  inputs: Record<string, string>,
  options: RunActionOptions
): Record<string, string> {
  const base: Record<string, string | undefined> = {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: dirs.home,
    RUNNER_TEMP: dirs.runnerTemp,
    RUNNER_OS: 'Linux',
    GITHUB_WORKSPACE: dirs.workspace,
    ...dirs.commands,
    GITHUB_REPOSITORY: 'octo-org/api-tests',
    GITHUB_RUN_ID: '1001',
    GITHUB_RUN_ATTEMPT: '1',
    // Port 9 (discard) on loopback: a test that forgets GITHUB_API_URL fails fast, never reaching github.com.
    GITHUB_API_URL: 'http://127.0.0.1:9',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    ...options.env
  }
  const given = Object.fromEntries(Object.entries(base).filter((e): e is [string, string] => e[1] !== undefined))
  const withDefaults = options.actionDefaults === false ? inputs : { ...actionDefaults(given), ...inputs }
  for (const [name, value] of Object.entries(withDefaults)) given[inputVariable(name)] = value
  return given
}

/** `refresh-token` → `INPUT_REFRESH-TOKEN`: upper-cased, spaces to underscores, hyphens kept. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

// ---- action.yml defaults ------------------------------------------------------------------------

/** The defaults of action.yml's inputs, with `${{ github.* }}` evaluated as the runner would. */
export function actionDefaults(env: Record<string, string>): Record<string, string> {
  const file = join(REPO_ROOT, 'action.yml')
  if (!existsSync(file)) return {}
  return Object.fromEntries(
    Object.entries(readInputDefaults(readFileSync(file, 'utf8'))).map(([name, value]) => [
      name,
      evaluateExpressions(value, env)
    ])
  )
}

/** `inputs.<name>.default` of an action.yml, as strings (the runner passes every input as one). */
export function readInputDefaults(yaml: string): Record<string, string> {
  const inputs = (parse(yaml) as { inputs?: Record<string, { default?: unknown } | null> } | null)?.inputs ?? {}
  return Object.fromEntries(
    Object.entries(inputs).flatMap(([name, input]) =>
      input?.default === undefined || input.default === null ? [] : [[name, String(input.default)]]
    )
  )
}

/** The `github` context values a default may use; anything else is refused so tests notice. */
function evaluateExpressions(value: string, env: Record<string, string>): string {
  const github: Record<string, string | undefined> = {
    repository: env.GITHUB_REPOSITORY,
    repository_owner: env.GITHUB_REPOSITORY?.split('/')[0],
    run_id: env.GITHUB_RUN_ID,
    run_attempt: env.GITHUB_RUN_ATTEMPT,
    api_url: env.GITHUB_API_URL,
    server_url: env.GITHUB_SERVER_URL,
    workspace: env.GITHUB_WORKSPACE,
    token: env.GITHUB_TOKEN
  }
  return value.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expression: string) => {
    const key = /^github\.(\w+)$/.exec(expression)?.[1]
    if (!key || !(key in github))
      throw new Error(`runAction: cannot evaluate \${{ ${expression} }} in an action.yml default`)
    return github[key] ?? ''
  })
}

// ---- running and collecting ---------------------------------------------------------------------

export interface SpawnedNode {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  timedOut: boolean
  /** spawn() and 'close' (pipes drained), in epoch ms with a sub-ms fraction, as the simulator logs. */
  startedAt: number
  endedAt: number
}

const preciseNow = (): number => performance.timeOrigin + performance.now()

/**
 * `node ARGS` in `cwd` with exactly `env`; also what the benchmark times. The default binary is
 * Node.js 24, as on the runner (support/e2e-node.ts); every spawn is recorded for the run's report.
 */
export function spawnNode(
  args: string[],
  cwd: string,
  env: Record<string, string>,
  timeoutMs: number,
  node = bundleNode(),
  control?: (child: ChildProcess, output: () => string) => void
): Promise<SpawnedNode> {
  recordBundleRun(node)
  return new Promise((resolvePromise, reject) => {
    const startedAt = preciseNow()
    const child = spawn(node, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, timeoutMs)
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
    child.once('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    // 'close', not 'exit': it fires after stdout and stderr are fully read.
    control?.(child, () => Buffer.concat(stdout).toString('utf8'))
    child.once('close', (code, signal) => {
      clearTimeout(timer)
      resolvePromise({
        code,
        signal,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        timedOut,
        startedAt,
        endedAt: preciseNow()
      })
    })
  })
}

async function collectFiles(
  roots: string[]
): Promise<{ files: Record<string, string>; fileModes: Record<string, number> }> {
  const files: Record<string, string> = {}
  const fileModes: Record<string, number> = {}
  async function walk(dir: string): Promise<void> {
    for (const entry of await readdir(dir)) {
      const path = join(dir, entry)
      const stats = await lstat(path)
      if (stats.isDirectory()) await walk(path)
      else if (stats.isFile()) {
        files[path] = await readFile(path, 'utf8')
        fileModes[path] = stats.mode & 0o777
      }
    }
  }
  for (const root of roots) await walk(root)
  return { files, fileModes }
}

/**
 * Parses a GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STATE file as the runner does: `NAME=VALUE`, or
 * `NAME<<DELIMITER` … `DELIMITER` (what @actions/core writes). Throws on what the runner rejects.
 */
export function parseFileCommands(text: string, fileName = 'file command'): Record<string, string> {
  const result: Record<string, string> = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (line === '') continue
    const equals = line.indexOf('=')
    const heredoc = line.indexOf('<<')
    if (equals >= 0 && (heredoc < 0 || equals < heredoc)) {
      result[line.slice(0, equals)] = line.slice(equals + 1)
      continue
    }
    if (heredoc < 0) throw new Error(`${fileName} line ${i + 1}: neither NAME=VALUE nor NAME<<DELIMITER`)
    const name = line.slice(0, heredoc)
    const delimiter = line.slice(heredoc + 2)
    const end = lines.indexOf(delimiter, i + 1)
    if (!name || !delimiter || end < 0) throw new Error(`${fileName} line ${i + 1}: unterminated heredoc for '${name}'`)
    result[name] = lines.slice(i + 1, end).join('\n')
    i = end
  }
  return result
}

// ---- leak scan ------------------------------------------------------------------------------------

export interface LeakAllowances {
  /** May appear as the `access-token` output, as BOX_ACCESS_TOKEN in GITHUB_ENV, and in the Postman file. */
  accessToken?: string
  /** The Postman environment file (absolute or workspace-relative); must also have mode 0600. */
  postmanFile?: string
  /**
   * Values the post step needs (a token it revokes, say): they may appear in GITHUB_STATE, which
   * the runner hands to the post step alone, and nowhere else.
   */
  inState?: string[]
}

/** The values the action masked, in order: every `::add-mask::` line of stdout. */
export function maskedValues(run: Pick<ActionRun, 'stdout'>): string[] {
  return run.stdout
    .split(/\r?\n/)
    .filter((line) => line.startsWith('::add-mask::'))
    .map((line) => line.slice('::add-mask::'.length))
}

/**
 * Every place a secret shows up where it should not, as human-readable findings ([] = clean).
 * Secrets may be a list (reported as secrets[i]) or named ({refreshToken: …}, reported by name);
 * findings name the secret, never print it. An allowed access token is scanned too.
 */
export function scanForLeaks(
  run: ActionRun,
  secrets: string[] | Record<string, string>,
  allow: LeakAllowances = {}
): string[] {
  const named: Array<[string, string]> = Array.isArray(secrets)
    ? secrets.map((value, i) => [`secrets[${i}]`, value])
    : Object.entries(secrets)
  if (allow.accessToken && !named.some(([, value]) => value === allow.accessToken))
    named.push(['accessToken', allow.accessToken])
  const postmanPath = allow.postmanFile === undefined ? undefined : resolvePostmanPath(run, allow.postmanFile)

  const findings: string[] = []
  for (const [label, value] of named) {
    if (value === '') continue // an empty "secret" would match everywhere
    const isAccessToken = value === allow.accessToken
    findings.push(...scanStdout(run.stdout, label, value))
    findings.push(...linesContaining(run.stderr, value).map((n) => `${label} appears in stderr line ${n}`))
    if (contains(run.summary, value)) findings.push(`${label} appears in the job summary`)
    for (const [name, text] of Object.entries(run.outputs)) {
      if (contains(text, value) && !(isAccessToken && name === 'access-token' && text === value)) {
        findings.push(`${label} appears in output '${name}'`)
      }
    }
    for (const [name, text] of Object.entries(run.env)) {
      if (contains(text, value) && !(isAccessToken && name === 'BOX_ACCESS_TOKEN' && text === value)) {
        findings.push(`${label} appears in GITHUB_ENV variable '${name}'`)
      }
    }
    const mayBeInState = allow.inState?.includes(value) ?? false
    for (const [name, text] of Object.entries(run.state)) {
      if (contains(text, value) && !mayBeInState) findings.push(`${label} appears in GITHUB_STATE '${name}'`)
    }
    for (const [path, text] of Object.entries(run.files)) {
      if (contains(text, value) && !(isAccessToken && path === postmanPath))
        findings.push(`${label} appears in file ${path}`)
    }
  }
  if (postmanPath !== undefined) findings.push(...checkPostmanMode(run, postmanPath))
  return findings
}

/**
 * A secret may be printed on no line the runner shows, and its own `::add-mask::` line must come
 * before any other occurrence: the runner masks from that line on, so anything earlier is in the
 * log. `::add-mask::` lines themselves are commands the runner consumes and never shows, so one that
 * masks a larger value holding this secret (a whole JWT config) is no leak.
 */
function scanStdout(stdout: string, label: string, value: string): string[] {
  const lines = stdout.split(/\r?\n/)
  // As @actions/core escapes a command's value: a value with a line break is masked in one line.
  const escaped = value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
  const firstMask = lines.indexOf(`::add-mask::${escaped}`)
  const findings: string[] = []
  lines.forEach((line, i) => {
    if (line.startsWith('::add-mask::') || !contains(line, value)) return
    if (firstMask < 0) findings.push(`${label} appears in stdout line ${i + 1} and is never masked`)
    else if (i < firstMask)
      findings.push(`${label} appears in stdout line ${i + 1}, before its mask (line ${firstMask + 1})`)
    else findings.push(`${label} appears in stdout line ${i + 1} (masked by then, but it should not be printed at all)`)
  })
  return findings
}

/**
 * The secret as written, or in any form a server might echo it in: percent-encoded and
 * form-encoded (each in either hex case), JSON-escaped (with or without escaped slashes).
 */
function contains(text: string, value: string): boolean {
  const percent = encodeURIComponent(value)
  const form = new URLSearchParams({ v: value }).toString().slice(2)
  const json = JSON.stringify(value).slice(1, -1)
  const lowerHex = (encoded: string): string => encoded.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase())
  const forms = new Set([value, percent, lowerHex(percent), form, lowerHex(form), json, json.replace(/\//g, '\\/')])
  return [...forms].some((form) => text.includes(form))
}

function linesContaining(text: string, value: string): number[] {
  return text.split(/\r?\n/).flatMap((line, i) => (contains(line, value) ? [i + 1] : []))
}

function resolvePostmanPath(run: ActionRun, file: string): string {
  return isAbsolute(file) ? file : join(run.workspace, file)
}

function checkPostmanMode(run: ActionRun, path: string): string[] {
  const mode = run.fileModes[path]
  if (mode === undefined) return [`the Postman environment file ${path} was not written`]
  if (mode !== 0o600) return [`the Postman environment file ${path} has mode 0${mode.toString(8)}, expected 0600`]
  return []
}
