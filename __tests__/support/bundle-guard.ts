/**
 * The bundle tests run dist/, not src/. Before the first bundle of a test process is spawned, the
 * stamp `npm run bundle` leaves in dist/ (scripts/source-stamp.ts) is compared with the sources as
 * they are: an older bundle is refused with what to do, rather than tested as if it were the code.
 */
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sourceDigest, STAMP_FILE } from '../../scripts/source-stamp.js'

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

/** Why the bundle in `root`/dist is not what its sources build to, or undefined when it is. */
export function staleBundleProblem(root: string): string | undefined {
  let stamp = ''
  try {
    stamp = readFileSync(join(root, STAMP_FILE), 'utf8').trim()
  } catch {
    // no stamp: a bundle from before the stamp, or no bundle at all; both are refused below
  }
  if (stamp === sourceDigest(root)) return undefined
  return (
    'dist/ was not built from the sources as they are now (src/, package-lock.json or tsconfig.json changed ' +
    'since the last build), and the bundle tests run dist/, not src/. Run `npm run bundle`, then the tests again.'
  )
}

let fresh = false

/** Throws, saying to run `npm run bundle`, when dist/ is older than the sources; checked once a process. */
export function assertFreshBundle(): void {
  if (fresh) return
  const problem = staleBundleProblem(REPO_ROOT)
  if (problem !== undefined) throw new Error(problem)
  fresh = true
}
