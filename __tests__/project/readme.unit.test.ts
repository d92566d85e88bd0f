/**
 * The README's "## Inputs" and "## Outputs" tables are what users read instead of action.yml:
 * they must list exactly action.yml's inputs and outputs, with the same required flag and default.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'

const root = path.resolve(import.meta.dirname, '..', '..')
const readme = readFileSync(path.join(root, 'README.md'), 'utf8')

interface Manifest {
  inputs: Record<string, { required?: boolean; default?: string | number | boolean }>
  outputs: Record<string, unknown>
}
const manifest = parse(readFileSync(path.join(root, 'action.yml'), 'utf8')) as Manifest

/** The body rows of the first table under `## <heading>`, as cells (a `|` inside `code` is kept). */
function table(heading: string): { header: string[]; rows: string[][] } {
  const lines = readme.split('\n')
  const start = lines.indexOf(`## ${heading}`)
  if (start < 0) throw new Error(`README.md has no "## ${heading}" section`)
  const end = lines.findIndex((line, i) => i > start && line.startsWith('## '))
  const tableLines = lines
    .slice(start + 1, end < 0 ? undefined : end)
    .filter((line) => line.trimStart().startsWith('|'))
  const [header, separator, ...rows] = tableLines.map(cells)
  if (!header || !separator?.every((cell) => /^:?-+:?$/.test(cell))) throw new Error(`"## ${heading}" has no table`)
  return { header, rows }
}

function cells(line: string): string[] {
  const result: string[] = []
  let cell = ''
  let inCode = false
  for (const char of line.trim().replace(/^\|/, '').replace(/\|$/, '')) {
    if (char === '`') inCode = !inCode
    if (char === '|' && !inCode) {
      result.push(cell.trim())
      cell = ''
    } else cell += char
  }
  result.push(cell.trim())
  return result
}

/** `` `name` `` → name; an empty cell → undefined. */
function unquote(cell: string): string | undefined {
  if (cell === '') return undefined
  const match = /^`([^`]*)`$/.exec(cell)
  if (!match) throw new Error(`expected a \`code\` cell, got "${cell}"`)
  return match[1]
}

test('the Inputs table lists exactly the inputs of action.yml, with their required flag and default', () => {
  const { header, rows } = table('Inputs')
  expect(header.slice(0, 3)).toEqual(['input', 'required', 'default'])
  const documented = rows.map(([name = '', required = '', defaultValue = '']) => ({
    name: unquote(name),
    // A footnote mark (yes¹, no¹) qualifies the flag; the flag itself must match.
    required: required.replace(/[¹²³]$/, ''),
    default: unquote(defaultValue)
  }))
  const actual = Object.entries(manifest.inputs).map(([name, input]) => ({
    name,
    required: input.required === true ? 'yes' : 'no',
    default: input.default === undefined ? undefined : String(input.default)
  }))
  expect(documented).toEqual(actual)
})

test('the Outputs table lists exactly the outputs of action.yml', () => {
  const { header, rows } = table('Outputs')
  expect(header[0]).toBe('output')
  expect(rows.map(([name = '']) => unquote(name))).toEqual(Object.keys(manifest.outputs))
})

test('the table reader splits cells as Markdown does and refuses a name that is not code', () => {
  expect(cells('| `secret-name` | no | `OTHER` | x |')).toEqual(['`secret-name`', 'no', '`OTHER`', 'x'])
  expect(cells('| `a` | no | `x | y` | pipes in code stay |')).toEqual(['`a`', 'no', '`x | y`', 'pipes in code stay'])
  expect(unquote('')).toBeUndefined()
  expect(() => unquote('plain')).toThrow(/code/)
})

test('the README workflow is examples/api-tests.yml without its comments', () => {
  const snippet = /## Usage\n[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1]
  expect(snippet).toBeDefined()
  const example = readFileSync(path.join(root, 'examples', 'api-tests.yml'), 'utf8')
  expect(parse(snippet!)).toEqual(parse(example))
})

test('every newman or Postman CLI run in the README, docs and examples selects what it runs, and never the "Authorization" folder', () => {
  const files = [
    'README.md',
    ...readdirSync(path.join(root, 'docs')).map((n) => `docs/${n}`),
    ...readdirSync(path.join(root, 'examples')).map((n) => `examples/${n}`)
  ]
  let runs = 0
  for (const file of files) {
    // A command may be folded over several lines (`run: >-`): take each from its tool to the next blank or key line.
    const text = readFileSync(path.join(root, file), 'utf8')
    for (const match of text.matchAll(
      /npx --yes (newman@[\d.]+ run|--package=postman-cli@[\d.]+ -- postman collection run)[\s\S]*?(?=\n\s*\n|\n\s*[-\w]+:|```|$)/g
    )) {
      runs++
      expect({ file, command: match[0] }).toEqual({ file, command: expect.stringMatching(/--folder "|-i "/) })
      expect(match[0]).not.toMatch(/Authorization/)
    }
  }
  expect(runs).toBeGreaterThanOrEqual(4)
})
