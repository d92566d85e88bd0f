/**
 * <bundle>/licenses.txt: the licence of every package whose code the bundle carries, since dist/
 * redistributes it. The packages are read from the webpack stats ncc writes for the bundle
 * (`--stats-out`), not from package.json: everything the bundles need is a devDependency (a person
 * who runs the login command through npm installs nothing), and only what ncc really bundled
 * counts (type-only and unused packages do not). ncc's own `--license` missed packages resolved
 * through an `exports` map. Versions and licences come from package-lock.json and each package's
 * licence file. Deterministic: sorted, nothing from the clock or the machine.
 *
 *   tsx scripts/licenses.ts <bundle dir>=<stats file> …
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

interface LockedPackage {
  version?: string
  license?: string
}

interface StatsModule {
  name?: string
  modules?: StatsModule[]
}

const root = join(import.meta.dirname, '..')
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockedPackage>
}
const licenceFile = /^(licen[cs]e|copying)(\.(md|txt))?$/i

/** Every installed package folder (its path in the lock, e.g. node_modules/a/node_modules/b) a module came from. */
function bundledPackages(statsFile: string): string[] {
  const stats = JSON.parse(readFileSync(statsFile, 'utf8')) as { modules?: StatsModule[]; chunks?: StatsModule[] }
  const folders = new Set<string>()
  const visit = (modules: StatsModule[] = []): void => {
    for (const module of modules) {
      const folder = /^(?:\.\/)?((?:node_modules\/(?:@[^/]+\/)?[^/]+\/)*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(
        module.name ?? ''
      )?.[1]
      if (folder !== undefined) folders.add(folder)
      visit(module.modules)
    }
  }
  visit(stats.modules)
  for (const chunk of stats.chunks ?? []) visit(chunk.modules)
  if (folders.size === 0) throw new Error(`${statsFile} names no module from node_modules: is it ncc's --stats-out?`)
  return [...folders]
}

function licenceEntry(folder: string): string {
  const info = lock.packages[folder]
  if (info === undefined) throw new Error(`${folder} is bundled but not in package-lock.json: run npm ci`)
  const name = folder.slice(folder.lastIndexOf('node_modules/') + 'node_modules/'.length)
  const file = readdirSync(join(root, folder)).find((f) => licenceFile.test(f))
  const text = file
    ? readFileSync(join(root, folder, file), 'utf8').trim()
    : `(no licence file in the package; package.json says ${info.license ?? 'nothing'})`
  return `${name}@${info.version ?? '?'}\n${info.license ?? 'UNKNOWN'}\n${text}`
}

for (const argument of process.argv.slice(2)) {
  const [dir, statsFile] = argument.split('=')
  if (!dir || !statsFile) throw new Error(`expected <bundle dir>=<stats file>, got '${argument}'`)
  const entries = [...new Set(bundledPackages(join(root, statsFile)).map(licenceEntry))].sort()
  writeFileSync(join(root, dir, 'licenses.txt'), entries.join('\n\n') + '\n')
  console.log(`${dir}/licenses.txt: ${entries.length} packages`)
}
