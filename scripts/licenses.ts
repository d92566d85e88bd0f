/**
 * dist/licenses.txt: the licence of every production dependency, since dist/ redistributes their
 * code. ncc's own `--license` misses packages resolved through an `exports` map (it listed only
 * libsodium-wrappers), so the list comes from package-lock.json instead: every non-dev package,
 * by name, with its licence file. Deterministic: sorted, nothing from the clock or the machine.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

interface LockedPackage {
  version?: string
  license?: string
  dev?: boolean
  devOptional?: boolean
}

const root = join(import.meta.dirname, '..')
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockedPackage>
}
const licenceFile = /^(licen[cs]e|copying)(\.(md|txt))?$/i

const entries = Object.entries(lock.packages)
  .filter(([path, info]) => path !== '' && !info.dev && !info.devOptional)
  .map(([path, info]) => {
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)
    const file = readdirSync(join(root, path)).find((f) => licenceFile.test(f))
    const text = file
      ? readFileSync(join(root, path, file), 'utf8').trim()
      : `(no licence file in the package; package.json says ${info.license ?? 'nothing'})`
    return `${name}@${info.version ?? '?'}\n${info.license ?? 'UNKNOWN'}\n${text}`
  })
  .sort()

const out = [...new Set(entries)].join('\n\n') + '\n'
for (const dir of process.argv.slice(2)) writeFileSync(join(root, dir, 'licenses.txt'), out)
console.log(`licenses.txt: ${entries.length} packages → ${process.argv.slice(2).join(', ')}`)
