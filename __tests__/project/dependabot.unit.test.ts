/**
 * .github/dependabot.yml is read by GitHub only, and a mistake there fails silently (no update PRs).
 * Both ecosystems the project uses must be covered, each with grouped updates.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'

interface Update {
  'package-ecosystem': string
  directory: string
  schedule?: { interval?: string }
  groups?: Record<
    string,
    { patterns?: string[]; 'exclude-patterns'?: string[]; 'dependency-type'?: string; 'update-types'?: string[] }
  >
}

const root = path.resolve(import.meta.dirname, '..', '..')
const config = parse(readFileSync(path.join(root, '.github', 'dependabot.yml'), 'utf8')) as {
  version: number
  updates: Update[]
}

test('version 2, with updates for npm and github-actions at the repository root', () => {
  expect(config.version).toBe(2)
  expect(config.updates.map((u) => [u['package-ecosystem'], u.directory]).sort()).toEqual([
    ['github-actions', '/'],
    ['npm', '/']
  ])
})

test.each(['npm', 'github-actions'])('%s updates are scheduled and grouped', (ecosystem) => {
  const update = config.updates.find((u) => u['package-ecosystem'] === ecosystem)!
  expect(['daily', 'weekly', 'monthly']).toContain(update.schedule?.interval)
  const groups = Object.values(update.groups ?? {})
  expect(groups.length).toBeGreaterThan(0)
  for (const group of groups) expect(group.patterns ?? group['dependency-type']).toBeDefined()
})

test('the npm groups split the packages dist/ bundles from the rest, without overlap', () => {
  const npm = config.updates.find((u) => u['package-ecosystem'] === 'npm')!
  const { bundled, development } = npm.groups as Record<string, { patterns?: string[]; 'exclude-patterns'?: string[] }>
  // The direct devDependencies whose code is in a bundle: their name@version heads a licenses.txt entry.
  const licences = ['dist/licenses.txt', 'dist/login/licenses.txt']
    .map((file) => readFileSync(path.join(root, file), 'utf8'))
    .join('\n')
  const direct = Object.keys(
    (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> })
      .devDependencies
  )
  const inBundle = direct.filter((name) =>
    new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}@\\d`, 'm').test(licences)
  )
  expect([...(bundled?.patterns ?? [])].sort()).toEqual(inBundle.sort())
  expect(development?.patterns).toEqual(['*'])
  expect([...(development?.['exclude-patterns'] ?? [])].sort()).toEqual(inBundle.sort())
})
