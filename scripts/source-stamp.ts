/**
 * dist/SOURCES: the digest of what the bundles are built from (every file under src/, the lock
 * file, tsconfig.json), written by `npm run bundle`. The end-to-end tests run dist/, not src/: they
 * compare this stamp with the sources as they are and refuse to run a bundle that is older
 * (__tests__/support/bundle-guard.ts), so an edit to src/ without `npm run bundle` is never tested
 * by accident. The dist/ check of `npm run check` keeps the committed stamp true.
 *
 *   tsx scripts/source-stamp.ts        writes dist/SOURCES
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

export const STAMP_FILE = join('dist', 'SOURCES')

/** sha256 over each source's path and content, in a fixed order. */
export function sourceDigest(root: string): string {
  const files = [...walk(join(root, 'src')), join(root, 'package-lock.json'), join(root, 'tsconfig.json')]
  const hash = createHash('sha256')
  for (const file of files.map((f) => relative(root, f).split('\\').join('/')).sort()) {
    hash.update(`${file}\0`)
    hash.update(readFileSync(join(root, file)))
    hash.update('\0')
  }
  return hash.digest('hex')
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]
  )
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(fileURLToPath(import.meta.url), '..', '..')
  writeFileSync(join(root, STAMP_FILE), `${sourceDigest(root)}\n`)
}
