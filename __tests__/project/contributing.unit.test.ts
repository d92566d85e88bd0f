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

const mapped = (): string[] =>
  [...readFileSync(path.join(root, 'CONTRIBUTING.md'), 'utf8').matchAll(/^\| `(src\/[^`]+)` \| \S/gm)].map((m) => m[1]!)

test('every file under src/ has a line in the code map of CONTRIBUTING.md', () => {
  const lines = new Set(mapped())
  const files = sourceFiles('src')
  expect(files.length).toBeGreaterThan(0)
  expect(files.filter((file) => !lines.has(file))).toEqual([])
})

test('every line of the code map names a file that is there, once', () => {
  const files = new Set(sourceFiles('src'))
  const lines = mapped()
  expect(lines.filter((file) => !files.has(file))).toEqual([])
  expect(lines.filter((file, i) => lines.indexOf(file) !== i)).toEqual([])
})
