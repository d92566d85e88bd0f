/**
 * The guard of the bundle tests: a dist/ built from the sources passes, and one built before a
 * source changed is refused with a message that says to run `npm run bundle`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sourceDigest, STAMP_FILE } from '../../scripts/source-stamp.js'
import { REPO_ROOT } from './harness.js'
import { staleBundleProblem } from './bundle-guard.js'

test('the committed dist/ is the build of the committed sources', () => {
  expect(staleBundleProblem(REPO_ROOT)).toBeUndefined()
})

test.each([
  ['a module under src/ changed', 'src/action/main.ts'],
  ['a module was added under src/', 'src/new.ts'],
  ['the lock file changed', 'package-lock.json']
])('%s after the build: refused, saying to run npm run bundle', (_, changed) => {
  const root = mkdtempSync(join(tmpdir(), 'bundle-guard-'))
  try {
    for (const [file, text] of [
      ['src/action/main.ts', 'export {}\n'],
      ['package-lock.json', '{}\n'],
      ['tsconfig.json', '{}\n']
    ]) {
      mkdirSync(join(root, file, '..'), { recursive: true })
      writeFileSync(join(root, file), text!)
    }
    mkdirSync(join(root, 'dist'))
    writeFileSync(join(root, STAMP_FILE), `${sourceDigest(root)}\n`)
    expect(staleBundleProblem(root)).toBeUndefined()

    mkdirSync(join(root, changed, '..'), { recursive: true })
    writeFileSync(join(root, changed), '// changed\n')
    expect(staleBundleProblem(root)).toMatch(/Run `npm run bundle`, then the tests again/)
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
})
