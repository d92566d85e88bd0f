/**
 * `npm ci` runs without a warning on every Node.js that `engines` admits: each locked package's own
 * `engines.node` must hold for the whole range package.json states (npm warns EBADENGINE
 * otherwise), and every package with an install script carries a decision in `allowScripts` (npm
 * 11 warns about the others, and npm 12 skips them).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import semver from 'semver'

interface LockedPackage {
  version?: string
  engines?: { node?: string } | string[]
  os?: string[]
  cpu?: string[]
  hasInstallScript?: boolean
}

const root = path.resolve(import.meta.dirname, '..', '..')
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  engines: { node: string }
  allowScripts?: Record<string, boolean>
}
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockedPackage>
}
const locked = Object.entries(lock.packages)
  .filter(([where]) => where !== '')
  .map(([where, info]) => ({ name: where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length), info }))

test('engines names a range npm can check', () => {
  expect(semver.validRange(packageJson.engines.node)).not.toBeNull()
})

test('every locked package accepts every Node.js that engines admits (no EBADENGINE on any of them)', () => {
  const refusing = locked.flatMap(({ name, info }) => {
    const wanted = Array.isArray(info.engines) ? undefined : info.engines?.node
    if (wanted === undefined || semver.subset(packageJson.engines.node, wanted)) return []
    return [`${name}@${info.version ?? '?'} wants node ${wanted}`]
  })
  expect(refusing).toEqual([])
})

test('every package with an install script is approved or denied in allowScripts', () => {
  const decided = new Set(Object.keys(packageJson.allowScripts ?? {}).map((key) => key.replace(/(.)@.*$/, '$1')))
  const undecided = locked
    .filter(({ info }) => info.hasInstallScript)
    .map(({ name }) => name)
    .filter((name) => !decided.has(name))
  expect(undecided).toEqual([])
})
