/**
 * `npm run bench` is how start-up and rotation figures are measured (CONTRIBUTING). It is not run
 * by CI for its numbers, but it must keep working: a default added to action.yml once broke it
 * unnoticed. One iteration with no added delay is enough to prove every section still prints.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..', '..')

test('`npm run bench -- --runs=1 --delay=0` measures a rotation, a refused run and the bundle', () => {
  const result = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['scripts/bench.ts', '--runs=1', '--delay=0'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NODE_OPTIONS: '' }
  })
  expect(result.stderr).not.toMatch(/^\s+at /m)
  expect(result.status).toBe(0)
  expect(result.stdout).toMatch(/rotation \/ floor\s+\d+\.\d\d ×/)
  // The benchmark writes a negative figure with a real minus sign (U+2212), as it prints every figure.
  expect(result.stdout).toMatch(/start-up overhead\s+[+\u2212]\d+ ms/)
  expect(result.stdout).toMatch(/index\.js \(loaded at start-up\)\s+\d+ KiB/)
}, 60_000)
