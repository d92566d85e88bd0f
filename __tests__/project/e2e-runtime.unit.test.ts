/**
 * The end-to-end tests run the bundles on the Node.js major the runner runs the action with
 * (action.yml's runs.using, node24), not on whatever Node.js runs Jest: support/e2e-node.ts.
 */
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parse } from 'yaml'
import { bundleNode } from '../support/e2e-node.js'
import { spawnNode } from '../support/harness.js'

const root = path.resolve(import.meta.dirname, '..', '..')
const using = (parse(readFileSync(path.join(root, 'action.yml'), 'utf8')) as { runs: { using: string } }).runs.using

test(`the bundles run on the Node.js of runs.using (${using})`, async () => {
  const run = await spawnNode(['-p', 'process.versions.node'], tmpdir(), {}, 10_000, bundleNode())
  expect(run.code).toBe(0)
  expect(`node${run.stdout.trim().split('.')[0]}`).toBe(using)
})
