/**
 * The release workflow's decisions live in scripts/release/*.sh; these tests run them against a
 * scratch git repository (a bare "origin" and a checkout of it, as actions/checkout makes with
 * fetch-depth: 0) and a stand-in `gh` that records what it is asked. No network. The workflow
 * itself is read for what its jobs may do and what they run.
 */
import { spawnSync } from 'node:child_process'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parse } from 'yaml'

const root = path.resolve(import.meta.dirname, '..', '..')
const script = (name: string): string => path.join(root, 'scripts', 'release', name)

let dir: string
let env: NodeJS.ProcessEnv

function sh(cwd: string, command: string, ...args: string[]): { status: number | null; out: string } {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 30_000 })
  return { status: result.status, out: `${result.stdout}${result.stderr}` }
}

function git(cwd: string, ...args: string[]): string {
  const { status, out } = sh(cwd, 'git', ...args)
  if (status !== 0) throw new Error(`git ${args.join(' ')} failed: ${out}`)
  return out.trim()
}

const work = (): string => path.join(dir, 'work')
const origin = (): string => path.join(dir, 'origin.git')
const checkout = (): string => path.join(dir, 'checkout')

/** A commit on the current branch of work/ with this version in package.json and, if dated, CHANGELOG.md. */
function commitVersion(version: string, date: string | null = '2026-12-01'): string {
  writeFileSync(path.join(work(), 'package.json'), JSON.stringify({ name: 'x', version }))
  const heading = date === null ? `## [${version}] - not released yet` : `## [${version}] - ${date}`
  writeFileSync(path.join(work(), 'CHANGELOG.md'), `# Changelog\n\n## [Unreleased]\n\n${heading}\n\n- Notes.\n`)
  git(work(), 'add', '-A')
  git(work(), 'commit', '-q', '-m', `Version ${version}`)
  return git(work(), 'rev-parse', 'HEAD')
}

function tagAndPush(tag: string, ref = 'HEAD'): void {
  git(work(), 'tag', '-a', tag, '-m', tag, ref)
  git(work(), 'push', '-q', 'origin', `refs/tags/${tag}`)
}

/** A fresh clone of origin with the tag checked out, as the release workflow's jobs see it. */
function checkoutTag(tag: string): string {
  rmSync(checkout(), { recursive: true, force: true })
  git(dir, 'clone', '-q', origin(), checkout())
  git(checkout(), 'checkout', '-q', `refs/tags/${tag}`)
  return checkout()
}

const remoteTagCommit = (tag: string): string =>
  git(dir, 'ls-remote', origin(), `refs/tags/${tag}^{}`, `refs/tags/${tag}`)
    .split('\n')
    .sort((a, b) => Number(b.endsWith('^{}')) - Number(a.endsWith('^{}')))[0]
    ?.split('\t')[0] ?? ''

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'release-scripts-'))
  const bin = path.join(dir, 'bin')
  mkdirSync(bin)
  // The stand-in gh: `release view` succeeds when releases/<tag> exists, `release create` writes it.
  writeFileSync(
    path.join(bin, 'gh'),
    [
      '#!/usr/bin/env bash',
      'printf "%s\\n" "$*" >> "$GH_LOG"',
      'mkdir -p "$GH_RELEASES"',
      'case "$1 $2" in',
      '  "release view") [ -e "$GH_RELEASES/$3" ] ;;',
      '  "release create") printf "%s\\n" "$*" > "$GH_RELEASES/$3" ;;',
      '  *) echo "unexpected gh $*" >&2; exit 3 ;;',
      'esac'
    ].join('\n')
  )
  chmodSync(path.join(bin, 'gh'), 0o755)
  env = {
    PATH: `${bin}:${process.env.PATH}`,
    HOME: dir,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Release Test',
    GIT_AUTHOR_EMAIL: 'release@test.invalid',
    GIT_COMMITTER_NAME: 'Release Test',
    GIT_COMMITTER_EMAIL: 'release@test.invalid',
    GH_LOG: path.join(dir, 'gh.log'),
    GH_RELEASES: path.join(dir, 'releases')
  }
  git(dir, 'init', '-q', '--bare', '-b', 'main', origin())
  git(dir, 'clone', '-q', origin(), work())
  commitVersion('0.9.0')
  git(work(), 'push', '-q', 'origin', 'main')
})

afterEach(() => rmSync(dir, { recursive: true, force: true }))

const ghCalls = (): string[] =>
  existsSync(env.GH_LOG!) ? readFileSync(env.GH_LOG!, 'utf8').trim().split('\n').filter(Boolean) : []

describe('check-tag.sh', () => {
  test('accepts a tag on main that matches package.json and a dated CHANGELOG.md section', () => {
    commitVersion('1.0.0')
    git(work(), 'push', '-q', 'origin', 'main')
    tagAndPush('v1.0.0')
    const { status, out } = sh(checkoutTag('v1.0.0'), 'bash', script('check-tag.sh'), 'v1.0.0')
    expect(out).toContain('Tag v1.0.0 (')
    expect(status).toBe(0)
  })

  test('refuses a tag on a branch that is not merged to main, and accepts it once it is', () => {
    git(work(), 'checkout', '-q', '-b', 'feature')
    commitVersion('1.0.0')
    git(work(), 'push', '-q', 'origin', 'feature')
    tagAndPush('v1.0.0')
    const refused = sh(checkoutTag('v1.0.0'), 'bash', script('check-tag.sh'), 'v1.0.0')
    expect(refused.status).toBe(1)
    expect(refused.out).toContain('::error::Tag v1.0.0 (')
    expect(refused.out).toContain('is not on main')

    // Merged afterwards: a re-run (a fresh checkout) passes.
    git(work(), 'checkout', '-q', 'main')
    git(work(), 'merge', '-q', '--ff-only', 'feature')
    git(work(), 'push', '-q', 'origin', 'main')
    expect(sh(checkoutTag('v1.0.0'), 'bash', script('check-tag.sh'), 'v1.0.0').status).toBe(0)
  })

  test('refuses without main in the checkout, a version mismatch, an undated section and a bad name', () => {
    commitVersion('1.0.0', null)
    git(work(), 'push', '-q', 'origin', 'main')
    tagAndPush('v1.0.0')
    tagAndPush('v1.0.1')
    tagAndPush('release-1')
    const at = checkoutTag('v1.0.0')
    const run = (...args: string[]) => sh(at, 'bash', script('check-tag.sh'), ...args)
    expect(run('v1.0.0', 'origin/nowhere').out).toContain('origin/nowhere is not in this checkout')
    expect(run('v1.0.0').out).toContain('CHANGELOG.md has no section "## [1.0.0] - YYYY-MM-DD"')
    expect(run('v1.0.1').out).toContain("does not match package.json's version 1.0.0")
    expect(run('release-1').out).toContain('is not a version tag')
    expect(run('v1.0.2').out).toContain('There is no tag v1.0.2')
    for (const args of [['v1.0.0', 'origin/nowhere'], ['v1.0.0'], ['v1.0.1'], ['release-1']])
      expect(run(...args).status).toBe(1)
  })

  test('refuses a tag that is not the commit checked out', () => {
    const first = git(work(), 'rev-parse', 'HEAD')
    commitVersion('1.0.0')
    git(work(), 'push', '-q', 'origin', 'main')
    tagAndPush('v1.0.0')
    const at = checkoutTag('v1.0.0')
    git(at, 'checkout', '-q', first)
    expect(sh(at, 'bash', script('check-tag.sh'), 'v1.0.0').out).toContain(`but ${first} is checked out`)
  })
})

describe('publish-release.sh', () => {
  function release(tag: string): { status: number | null; out: string } {
    const notes = path.join(dir, 'notes.md')
    writeFileSync(notes, '- Notes.\n')
    return sh(checkoutTag(tag), 'bash', script('publish-release.sh'), tag, notes)
  }

  test('creates the release, and a re-run after it exists leaves it alone', () => {
    commitVersion('1.0.0')
    tagAndPush('v1.0.0')
    const first = release('v1.0.0')
    expect(first.status).toBe(0)
    expect(ghCalls()).toEqual([
      'release view v1.0.0 --json tagName',
      expect.stringMatching(/^release create v1\.0\.0 --verify-tag --title v1\.0\.0 --notes-file \S+ --latest=true$/)
    ])
    const again = release('v1.0.0')
    expect(again.status).toBe(0)
    expect(again.out).toContain('The release v1.0.0 exists already (this is a re-run)')
    expect(ghCalls().filter((c) => c.startsWith('release create'))).toHaveLength(1)
  })

  test('a pre-release is marked so, and an older release is not marked latest', () => {
    commitVersion('1.1.0')
    tagAndPush('v1.1.0')
    tagAndPush('v1.0.5', 'HEAD~1')
    tagAndPush('v2.0.0-rc.1')
    expect(release('v1.0.5').status).toBe(0)
    expect(release('v2.0.0-rc.1').status).toBe(0)
    const creates = ghCalls().filter((c) => c.startsWith('release create'))
    expect(creates[0]).toMatch(/^release create v1\.0\.5 .* --latest=false$/)
    expect(creates[1]).toMatch(/^release create v2\.0\.0-rc\.1 .* --prerelease --latest=false$/)
  })

  test('refuses empty notes before asking GitHub anything', () => {
    commitVersion('1.0.0')
    tagAndPush('v1.0.0')
    const empty = path.join(dir, 'empty.md')
    writeFileSync(empty, '')
    const run = sh(checkoutTag('v1.0.0'), 'bash', script('publish-release.sh'), 'v1.0.0', empty)
    expect(run.status).toBe(1)
    expect(ghCalls()).toEqual([])
  })
})

describe('move-major-tag.sh', () => {
  const move = (tag: string) => sh(checkoutTag(tag), 'bash', script('move-major-tag.sh'), tag)

  test('creates the major tag, and a re-run once it has moved changes nothing', () => {
    const commit = commitVersion('1.0.0')
    tagAndPush('v1.0.0')
    const first = move('v1.0.0')
    expect(first.status).toBe(0)
    expect(first.out).toContain(`v1 now points at v1.0.0 (${commit})`)
    expect(remoteTagCommit('v1')).toBe(commit)

    const again = move('v1.0.0')
    expect(again.status).toBe(0)
    expect(again.out).toContain(`v1 already points at v1.0.0 (${commit})`)
    expect(remoteTagCommit('v1')).toBe(commit)
  })

  test('moves it forward to a newer release, never back to an older one, and never to a pre-release', () => {
    const old = commitVersion('1.0.0')
    tagAndPush('v1.0.0')
    expect(move('v1.0.0').status).toBe(0)
    const newer = commitVersion('1.10.0')
    tagAndPush('v1.10.0')
    expect(move('v1.10.0').out).toContain(`v1 now points at v1.10.0 (${newer}), moved from ${old}`)

    // Re-running the older release's workflow (1.9.x sorts before 1.10.0) leaves v1 where it is.
    tagAndPush('v1.9.3', old)
    const stale = move('v1.9.3')
    expect(stale.status).toBe(0)
    expect(stale.out).toContain('v1.10.0 is newer than v1.9.3: v1 stays where it is.')
    expect(remoteTagCommit('v1')).toBe(newer)

    tagAndPush('v1.11.0-rc.1')
    expect(move('v1.11.0-rc.1').out).toContain('is a pre-release: v1 is left alone')
    expect(remoteTagCommit('v1')).toBe(newer)
    // Another major's tag is a different tag.
    expect(remoteTagCommit('v2')).toBe('')
  })
})

describe('attestation-plan.sh', () => {
  const plan = (...args: string[]) => sh(dir, 'bash', script('attestation-plan.sh'), ...args)

  test('attests in a public repository, and in a private one only when it says it is on Enterprise Cloud', () => {
    expect(plan('public').out).toBe('attest=true\n')
    const privateRepo = plan('private')
    expect(privateRepo.status).toBe(0)
    expect(privateRepo.out).toContain('attest=false')
    expect(privateRepo.out).toContain('::notice::No build provenance attestation for this release')
    expect(plan('internal', 'true').out).toContain('attest=true')
    expect(plan('internal', 'yes').out).toContain('attest=false')
  })
})

describe('release.yml', () => {
  interface Step {
    uses?: string
    run?: string
    with?: Record<string, unknown>
  }
  interface Job {
    needs?: string | string[]
    permissions?: Record<string, string>
    steps: Step[]
  }
  const workflow = (name: string) =>
    parse(readFileSync(path.join(root, '.github', 'workflows', name), 'utf8')) as {
      permissions?: unknown
      jobs: Record<string, Job>
    }

  test('builds and tests read-only without a cache; publishes from the artifact with write permissions and no install', () => {
    const { permissions, jobs } = workflow('release.yml')
    expect(permissions).toEqual({})
    const { build, publish } = jobs
    expect(build!.permissions).toEqual({ contents: 'read' })
    const runs = (job: Job) => job.steps.map((s) => s.run ?? '').join('\n')
    expect(runs(build!)).toMatch(/scripts\/release\/check-tag\.sh/)
    expect(runs(build!)).toMatch(/npm ci/)
    expect(runs(build!)).toMatch(/npm run check/)
    for (const step of build!.steps.filter((s) => s.uses?.startsWith('actions/setup-node@')))
      expect(step.with?.cache).toBeUndefined()
    expect(build!.steps.some((s) => s.uses?.startsWith('actions/upload-artifact@'))).toBe(true)

    expect(publish!.needs).toBe('build')
    expect(publish!.permissions).toEqual({ contents: 'write', 'id-token': 'write', attestations: 'write' })
    expect(runs(publish!)).not.toMatch(/\bnpm\b|\bnpx\b/)
    expect(publish!.steps.some((s) => s.uses?.startsWith('actions/download-artifact@'))).toBe(true)
    for (const name of ['attestation-plan.sh', 'publish-release.sh', 'move-major-tag.sh'])
      expect(runs(publish!)).toContain(`scripts/release/${name}`)
    const attest = publish!.steps.find((s) => s.uses?.startsWith('actions/attest-build-provenance@'))
    expect(attest).toMatchObject({ if: "steps.plan.outputs.attest == 'true'" })
  })

  test.each(readdirSync(path.join(root, '.github', 'workflows')))(
    '%s checks out without persisting credentials',
    (name) => {
      const checkouts = Object.values(workflow(name).jobs)
        .flatMap((job) => job.steps)
        .filter((s) => s.uses?.startsWith('actions/checkout@'))
      for (const step of checkouts) expect(step.with?.['persist-credentials']).toBe(false)
    }
  )
})
