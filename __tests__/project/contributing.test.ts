/**
 * CONTRIBUTING.md's code map is where a newcomer learns what each module is for: every file under
 * src/ must have its line there, so a new module cannot arrive without one.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..', '..')

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(`${dir}/${entry.name}`)
      : entry.name.endsWith('.ts')
        ? [`${dir}/${entry.name}`]
        : []
  )
}

test('every file under src/ has a line in the code map of CONTRIBUTING.md', () => {
  const contributing = readFileSync(path.join(root, 'CONTRIBUTING.md'), 'utf8')
  const mapped = new Set([...contributing.matchAll(/^\| `(src\/[^`]+)` \| \S/gm)].map((m) => m[1]))
  const files = sourceFiles('src')
  expect(files.length).toBeGreaterThan(0)
  expect(files.filter((file) => !mapped.has(file))).toEqual([])
})
