/**
 * The YAML snippets of a Markdown file, for `npm run lint:workflows`: every ```yaml (or ```yml)
 * fence, with what it claims to be. A snippet is a complete workflow unless an HTML comment right
 * before its fence (blank lines between are allowed) says otherwise:
 *
 *   <!-- lint: steps -->     a list of steps: wrapped in a job and checked like a workflow
 *   <!-- lint: fragment -->  any other part of a workflow: YAML syntax and the pinning rule only
 *
 * A marker that is not one of these, or that no YAML fence follows, is a problem of its own, so a
 * typo cannot switch a check off. Fences inside list items (indented) are found too; fences of
 * other languages are skipped, together with whatever they contain.
 */

export type SnippetKind = 'workflow' | 'steps' | 'fragment'

export interface Snippet {
  kind: SnippetKind
  /** The snippet, with the fence's own indentation removed. */
  text: string
  /** 1-based line, in the Markdown file, of the snippet's first line (the one after the fence). */
  line: number
  /** Columns of indentation the fence had, removed from every line of `text`. */
  indent: number
}

export interface MarkerProblem {
  line: number
  message: string
}

export const MARKER_KINDS: readonly SnippetKind[] = ['steps', 'fragment']
const MARKER = /^\s*<!--\s*lint:\s*(.*?)\s*-->\s*$/
const OPENING_FENCE = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)/

export function markdownSnippets(markdown: string): { snippets: Snippet[]; problems: MarkerProblem[] } {
  const lines = markdown.replace(/\r\n/g, '\n').split('\n')
  const snippets: Snippet[] = []
  const problems: MarkerProblem[] = []
  let pending: { kind: string; line: number } | undefined

  const dropPending = (): void => {
    if (pending)
      problems.push({
        line: pending.line,
        message: `"<!-- lint: ${pending.kind} -->" is not followed by a \`\`\`yaml fence.`
      })
    pending = undefined
  }

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const marker = MARKER.exec(line)
    if (marker) {
      dropPending()
      const kind = marker[1]!
      if (!(MARKER_KINDS as readonly string[]).includes(kind)) {
        problems.push({
          line: i + 1,
          message: `unknown marker "<!-- lint: ${kind} -->": use ${MARKER_KINDS.map((k) => `"<!-- lint: ${k} -->"`).join(' or ')}.`
        })
      } else pending = { kind, line: i + 1 }
      continue
    }
    const fence = OPENING_FENCE.exec(line)
    if (!fence) {
      if (line.trim() !== '') dropPending()
      continue
    }
    const indent = fence[1]!.length
    const marks = fence[2]!
    const language = fence[3]!.toLowerCase()
    const closing = new RegExp(`^\\s{0,${indent + 3}}${marks[0] === '`' ? '`' : '~'}{${marks.length},}\\s*$`)
    let end = i + 1
    while (end < lines.length && !closing.test(lines[end]!)) end++
    if (language === 'yaml' || language === 'yml') {
      const body = lines.slice(i + 1, end).map((l) => stripIndent(l, indent))
      snippets.push({
        kind: (pending?.kind as SnippetKind | undefined) ?? 'workflow',
        text: body.join('\n') + '\n',
        line: i + 2,
        indent
      })
      pending = undefined
    } else dropPending()
    i = end
  }
  dropPending()
  return { snippets, problems }
}

/** Removes up to `indent` leading spaces, as Markdown does for the content of an indented fence. */
function stripIndent(line: string, indent: number): string {
  let n = 0
  while (n < indent && line[n] === ' ') n++
  return line.slice(n)
}

/** The steps of a `steps` snippet inside a minimal workflow; `headerLines` lines come before them. */
export function wrapSteps(text: string): { workflow: string; headerLines: number; shift: number } {
  const lines = text.replace(/\n$/, '').split('\n')
  const common = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length))
  const shift = 6 - common
  const header = ['on: workflow_dispatch', 'jobs:', '  snippet:', '    runs-on: ubuntu-latest', '    steps:']
  const body = lines.map((l) => (l.trim() === '' ? '' : shift >= 0 ? ' '.repeat(shift) + l : l.slice(-shift)))
  return { workflow: [...header, ...body].join('\n') + '\n', headerLines: header.length, shift }
}
