/**
 * `npm run lint:workflows` must keep failing on broken workflows: a linter that loads nothing (a
 * WebAssembly build that stops loading, a parser upgrade that drops a check) passes everything,
 * and the examples users copy would no longer be checked at all.
 */
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { markdownSnippets, wrapSteps } from '../../scripts/markdown-snippets.js'

const root = path.resolve(import.meta.dirname, '..', '..')
const fixtures = '__tests__/fixtures/workflows'

function lint(...files: string[]): { status: number | null; lines: string[] } {
  const result = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['scripts/lint-workflows.ts', ...files], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000
  })
  return { status: result.status, lines: `${result.stdout}${result.stderr}`.split('\n') }
}

test('the examples, CI workflows, action.yml and the YAML in README.md and docs/ pass', () => {
  const { status, lines } = lint()
  expect(lines.filter((l) => l.includes(': ['))).toEqual([])
  expect(status).toBe(0)
  const docs = readdirSync(path.join(root, 'docs')).filter((name) => name.endsWith('.md'))
  const files = Number(/lint:workflows: (\d+) file\(s\)/.exec(lines.join('\n'))?.[1])
  // action.yml, examples/, .github/workflows/, README.md, CONTRIBUTING.md, SECURITY.md and docs/*.md.
  const yamlFiles = ['examples', '.github/workflows'].flatMap((dir) =>
    readdirSync(path.join(root, dir)).filter((name) => /\.ya?ml$/.test(name))
  )
  expect(files).toBe(1 + yamlFiles.length + 3 + docs.length)
})

test('the README has a complete workflow to lint, and every docs page with YAML has snippets found', () => {
  const readme = markdownSnippets(readFileSync(path.join(root, 'README.md'), 'utf8'))
  expect(readme.problems).toEqual([])
  expect(readme.snippets.filter((s) => s.kind === 'workflow').length).toBeGreaterThan(0)
  for (const name of readdirSync(path.join(root, 'docs')).filter((n) => n.endsWith('.md'))) {
    const text = readFileSync(path.join(root, 'docs', name), 'utf8')
    const fences = text.split('\n').filter((line) => /^\s*```ya?ml\s*$/.test(line)).length
    expect({ name, found: markdownSnippets(text).snippets.length }).toEqual({ name, found: fences })
  }
})

test('every planted mistake in the broken workflow is reported, by each checker', () => {
  const { status, lines } = lint(`${fixtures}/broken.yml`)
  expect(status).toBe(1)
  const reported = (line: number, checker: string, text: string): boolean =>
    lines.some((l) => l.startsWith(`${fixtures}/broken.yml:${line}:`) && l.includes(`[${checker}]`) && l.includes(text))

  // GitHub's parser, with this action's inputs from action.yml.
  expect(reported(25, 'github-parser', "Invalid action input 'postman-enviroment'")).toBe(true)
  expect(reported(15, 'github-parser', 'BooleanToken')).toBe(true)
  expect(reported(35, 'github-parser', "Unexpected value 'stepz'")).toBe(true)
  expect(reported(6, 'github-parser', 'Invalid cron expression')).toBe(true)
  // actionlint.
  expect(reported(12, 'actionlint', 'label "ubuntu-latst" is unknown')).toBe(true)
  expect(reported(9, 'actionlint', '"raed" is invalid for permission')).toBe(true)
  expect(reported(32, 'actionlint', 'potentially untrusted')).toBe(true)
  expect(reported(33, 'actionlint', 'end marker }}')).toBe(true)
  // Pinning: a tag, a SHA without its release, and the documentation's placeholder outside examples/ and docs/.
  expect(reported(17, 'pinning', 'actions/checkout@v4')).toBe(true)
  expect(reported(18, 'pinning', '# v1.2.3')).toBe(true)
  expect(reported(20, 'pinning', "your-org/box-token-refresh@<full-sha>: the documentation's placeholder")).toBe(true)
  // `uses: ./` against the repository's action.yml.
  expect(reported(31, 'local-action', 'no input "dry-runn"')).toBe(true)
  // `uses: ./path` against that folder's action.yml: the broken copy still requires `client-id`.
  expect(reported(34, 'local-action', 'required inputs missing: client-id')).toBe(true)
  // A job that passes `handoff` needs no client ID: nothing is missing for this action, by reference or as `uses: ./`.
  expect(lines.filter((l) => /Missing required input|required inputs missing/.test(l))).toEqual([
    expect.stringMatching(
      /^__tests__\/fixtures\/workflows\/broken\.yml:34:.*broken-action: required inputs missing: client-id, /
    )
  ])
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

test('every planted mistake in the Markdown snippets is reported at the Markdown line, by the check its marker asks for', () => {
  const file = `${fixtures}/broken.md`
  const { status, lines } = lint(file)
  expect(status).toBe(1)
  const at = (line: number): string[] => lines.filter((l) => l.startsWith(`${file}:${line}:`))
  const reported = (line: number, checker: string, text: string): boolean =>
    at(line).some((l) => l.includes(`[${checker}]`) && l.includes(text))

  // A complete workflow: every check, at the Markdown file's line and column.
  expect(reported(13, 'actionlint', 'label "ubuntu-latst" is unknown')).toBe(true)
  expect(reported(15, 'pinning', "the documentation's placeholder")).toBe(true)
  expect(at(21)).toEqual([`${file}:21:11: [github-parser] Invalid action input 'postman-enviroment'`])
  // Steps without a marker are not a workflow.
  expect(reported(27, 'github-parser', 'A sequence was not expected')).toBe(true)
  expect(reported(27, 'actionlint', '"on" section is missing')).toBe(true)
  // `<!-- lint: steps -->`, indented in a list item: wrapped in a job, positions mapped back.
  expect(at(34)).toEqual([
    expect.stringMatching(
      new RegExp(`^${file}:34:18: \\[pinning\\] actions/checkout@v4: pin to a full 40-hex commit SHA`)
    )
  ])
  expect(at(41)).toEqual([`${file}:41:14: [local-action] ./: no input "dry-runn" in action.yml.`])
  // `<!-- lint: fragment -->`: YAML syntax and pinning, nothing that needs a whole workflow.
  expect(reported(51, 'pinning', 'actions/setup-node@v4')).toBe(true)
  expect(reported(52, 'yaml', 'Nested mappings are not allowed')).toBe(true)
  for (const line of [47, 48, 49, 50, 51, 52])
    expect(at(line).filter((l) => /\[(github-parser|actionlint)\]/.test(l))).toEqual([])
  // Markers: an unknown one, and one before a fence that is not YAML, are problems of their own.
  expect(reported(55, 'markdown', 'unknown marker "<!-- lint: fragmnet -->"')).toBe(true)
  expect(reported(57, 'github-parser', 'Required property is missing: jobs')).toBe(true)
  expect(reported(60, 'markdown', 'is not followed by a ```yaml fence')).toBe(true)
  // A shell fence is not YAML, whatever it holds.
  expect(lines.filter((l) => /:(6[1-9]):/.test(l) && l.startsWith(file))).toEqual([])
})

test('snippet extraction: kinds, lines, list indentation, ~~~ fences, and fences of other languages skipped', () => {
  const markdown = [
    'Intro', //                             1
    '```yaml', //                           2
    'on: push', //                          3
    '```', //                               4
    '<!-- lint: steps -->', //              5
    '', //                                  6
    '- item', //                            7  (not a fence: the marker is dropped)
    '', //                                  8
    '  <!-- lint: fragment -->', //         9
    '  ~~~yml', //                          10
    '  with:', //                           11
    '    a: 1', //                          12
    '  ~~~', //                             13
    '````md', //                            14
    '```yaml', //                           15 (inside a four-backtick fence: not a snippet)
    'x: 1', //                              16
    '```', //                               17
    '````' //                               18
  ].join('\n')
  const { snippets, problems } = markdownSnippets(markdown)
  expect(snippets).toEqual([
    { kind: 'workflow', text: 'on: push\n', line: 3, indent: 0 },
    { kind: 'fragment', text: 'with:\n  a: 1\n', line: 11, indent: 2 }
  ])
  expect(problems).toEqual([{ line: 5, message: '"<!-- lint: steps -->" is not followed by a ```yaml fence.' }])
})

test('wrapped steps keep their shape, and the shift maps columns back', () => {
  const { workflow, headerLines, shift } = wrapSteps('  - run: echo\n    name: x\n')
  expect(workflow.split('\n').slice(headerLines)).toEqual(['      - run: echo', '        name: x', ''])
  expect(shift).toBe(4)
})
