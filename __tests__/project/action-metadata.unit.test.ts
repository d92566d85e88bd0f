/**
 * action.yml as the GitHub Marketplace reads it: the Marketplace refuses to publish an action
 * whose description is 125 characters or more ("Description must be less than 125 characters").
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'

const root = path.resolve(import.meta.dirname, '..', '..')
const manifest = parse(readFileSync(path.join(root, 'action.yml'), 'utf8')) as {
  name?: unknown
  description?: unknown
  branding?: { icon?: unknown; color?: unknown }
}
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }

test('the description is a single line under the Marketplace limit of 125 characters', () => {
  expect(typeof manifest.description).toBe('string')
  const description = manifest.description as string
  expect(description.trim()).not.toBe('')
  expect(description).not.toContain('\n')
  expect(description.length).toBeLessThan(125)
})

test('name and branding are set, as the Marketplace requires', () => {
  expect(typeof manifest.name).toBe('string')
  expect(manifest.branding?.icon).toEqual(expect.any(String))
  expect(manifest.branding?.color).toEqual(expect.any(String))
})

test('package.json carries a semantic version, the one a release tag v<version> must match', () => {
  expect(packageJson.version).toMatch(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/)
})
