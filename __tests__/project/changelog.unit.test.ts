/**
 * The release workflow publishes a version's CHANGELOG.md section as the GitHub Release's notes
 * (scripts/changelog-section.ts). The extraction must take exactly that section, and the changelog
 * must have one for the version package.json carries, so the next tag can be released.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { changelogSection } from '../../scripts/changelog-section.js'

const root = path.resolve(import.meta.dirname, '..', '..')

const SAMPLE = `# Changelog

Intro text.

## [Unreleased]

- Not released yet.

## [1.2.0] - 2026-03-01

### Added

- Feature B.
- A link: [docs](docs/x.md).

## [1.1.10] - 2026-02-01

- Fix C.

## [1.1.1] - 2026-01-15

## 1.0.0

- First.

[Unreleased]: https://example.invalid/compare/v1.2.0...HEAD
[1.2.0]: https://example.invalid/compare/v1.1.10...v1.2.0
`

test('takes one section, up to the next version, without its heading', () => {
  expect(changelogSection(SAMPLE, '1.2.0')).toBe('### Added\n\n- Feature B.\n- A link: [docs](docs/x.md).')
})

test('a tag name works as well as a version', () => {
  expect(changelogSection(SAMPLE, 'v1.1.10')).toBe('- Fix C.')
})

test('1.1.1 is not mistaken for 1.1.10, and an empty section is refused', () => {
  expect(() => changelogSection(SAMPLE, '1.1.1')).toThrow('The CHANGELOG.md section "## [1.1.1]" is empty.')
})

test('a heading without brackets or date, and link definitions at the end left out', () => {
  expect(changelogSection(SAMPLE, '1.0.0')).toBe('- First.')
})

test('a version the changelog does not have, and a tag that is no version, are refused', () => {
  expect(() => changelogSection(SAMPLE, '9.9.9')).toThrow('CHANGELOG.md has no section "## [9.9.9]".')
  expect(() => changelogSection(SAMPLE, 'v1')).toThrow('"v1" is not a semantic version')
  expect(() => changelogSection(SAMPLE, '1.2.0.*')).toThrow('is not a semantic version')
})

test('CHANGELOG.md has an Unreleased section and a non-empty section for the version in package.json', () => {
  const changelog = readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8')
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }
  expect(changelog).toMatch(/^## \[Unreleased\]$/m)
  expect(changelogSection(changelog, version)).toMatch(/\S/)
})

test('the command prints the section, and fails with a message for a missing one', () => {
  const run = (...args: string[]) =>
    spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['scripts/changelog-section.ts', ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' }
    })
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }
  const ok = run(`v${version}`)
  expect(ok.status).toBe(0)
  expect(ok.stdout.trim()).toBe(changelogSection(readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8'), version))
  const missing = run('0.0.1')
  expect(missing.status).toBe(1)
  expect(missing.stderr).toContain('CHANGELOG.md has no section "## [0.0.1]".')
})

test("the version's section says whether it is released, and the README and docs/releases.md agree", () => {
  const changelog = readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8')
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }
  const heading = new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\] - (.*)$`, 'm').exec(changelog)?.[1]
  // A date once it is tagged (scripts/release/check-tag.sh refuses a tag without one), until then these words.
  expect(heading).toMatch(/^(\d{4}-\d{2}-\d{2}|not released yet)$/)
  const released = heading !== 'not released yet'
  for (const page of ['README.md', 'docs/releases.md']) {
    const saysUnreleased = /No release exists\s+yet/.test(readFileSync(path.join(root, page), 'utf8'))
    expect({ page, saysUnreleased }).toEqual({ page, saysUnreleased: !released })
  }
})
