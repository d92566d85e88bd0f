/**
 * `npm run lint:workflows` must keep failing on broken workflows: a linter that loads nothing (a
 * WebAssembly build that stops loading, a parser upgrade that drops a check) passes everything,
 * and the examples users copy would no longer be checked at all.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const fixtures = '__tests__/fixtures/workflows'

function lint(...files: string[]): { status: number | null; lines: string[] } {
  const result = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['scripts/lint-workflows.ts', ...files], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000
  })
  return { status: result.status, lines: `${result.stdout}${result.stderr}`.split('\n') }
}

test('the examples, CI workflows and action.yml pass', () => {
  const { status, lines } = lint()
  expect(lines.filter((l) => l.includes(': ['))).toEqual([])
  expect(status).toBe(0)
})

test('every planted mistake in the broken workflow is reported, by each checker', () => {
  const { status, lines } = lint(`${fixtures}/broken.yml`)
  expect(status).toBe(1)
  const reported = (line: number, checker: string, text: string): boolean =>
    lines.some((l) => l.startsWith(`${fixtures}/broken.yml:${line}:`) && l.includes(`[${checker}]`) && l.includes(text))

  // GitHub's parser, with this action's inputs from action.yml.
  expect(reported(25, 'github-parser', "Invalid action input 'postman-enviroment'")).toBe(true)
  expect(reported(21, 'github-parser', 'Missing required input `github-token`')).toBe(true)
  expect(reported(15, 'github-parser', 'BooleanToken')).toBe(true)
  expect(reported(34, 'github-parser', "Unexpected value 'stepz'")).toBe(true)
  expect(reported(6, 'github-parser', 'Invalid cron expression')).toBe(true)
  // actionlint.
  expect(reported(12, 'actionlint', 'label "ubuntu-latst" is unknown')).toBe(true)
  expect(reported(9, 'actionlint', '"raed" is invalid for permission')).toBe(true)
  expect(reported(32, 'actionlint', 'potentially untrusted')).toBe(true)
  expect(reported(33, 'actionlint', 'end marker }}')).toBe(true)
  // Pinning: a tag, a SHA without its release, and this action by tag outside examples/.
  expect(reported(17, 'pinning', 'actions/checkout@v4')).toBe(true)
  expect(reported(18, 'pinning', '# v1.2.3')).toBe(true)
  expect(reported(20, 'pinning', 'your-org/box-token-refresh@v1')).toBe(true)
  // `uses: ./` against the repository's action.yml.
  expect(reported(31, 'local-action', 'no input "dry-runn"')).toBe(true)
  expect(reported(26, 'local-action', 'required inputs missing: github-token')).toBe(true)
})

test('a broken action.yml is reported, including an expression in a description', () => {
  const { status, lines } = lint(`${fixtures}/broken-action/action.yml`)
  expect(status).toBe(1)
  const file = `${fixtures}/broken-action/action.yml`
  expect(lines.some((l) => l.startsWith(file) && l.includes("Unexpected value 'node99'"))).toBe(true)
  expect(lines.some((l) => l.startsWith(file) && l.includes("Unexpected value 'colour'"))).toBe(true)
  // The runner refuses to load an action whose description names `secrets` in ${{ }}.
  expect(lines.some((l) => l.startsWith(file) && l.includes("Unrecognized named-value: 'secrets'"))).toBe(true)
})
