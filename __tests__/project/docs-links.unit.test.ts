/**
 * The README is short because the rest lives in docs/, CONTRIBUTING.md and SECURITY.md: every one
 * of those pages must be one click from the README, and every relative link between them must
 * land on a file and a heading that exist.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..', '..')
const pages = [
  'README.md',
  'CONTRIBUTING.md',
  'SECURITY.md',
  'CHANGELOG.md',
  ...readdirSync(path.join(root, 'docs'))
    .filter((n) => n.endsWith('.md'))
    .map((n) => `docs/${n}`)
]

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>()
  const result = new Set<string>()
  let inFence = false
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence
    const heading = inFence ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)
    if (!heading) continue
    const base = heading[1]!
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-')
    const n = seen.get(base) ?? 0
    seen.set(base, n + 1)
    result.add(n === 0 ? base : `${base}-${n}`)
  }
  return result
}

/** Relative links `[text](target)` outside code fences, with the line they are on. */
function links(markdown: string): Array<{ target: string; line: number }> {
  const found: Array<{ target: string; line: number }> = []
  let inFence = false
  markdown.split('\n').forEach((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence
    if (inFence) return
    for (const m of line.replace(/`[^`]*`/g, '').matchAll(/\]\(([^)\s]+)\)/g)) {
      if (!/^[a-z]+:/i.test(m[1]!)) found.push({ target: m[1]!, line: i + 1 })
    }
  })
  return found
}

test('GitHub anchors as GitHub makes them', () => {
  expect([
    ...anchors('# A `code` heading (with parens)\n## Where the recovery payload is\n## 1. Get it\n## Dup\n## Dup')
  ]).toEqual(['a-code-heading-with-parens', 'where-the-recovery-payload-is', '1-get-it', 'dup', 'dup-1'])
})

test.each(pages)('every relative link in %s lands on a file and heading that exist', (page) => {
  const text = readFileSync(path.join(root, page), 'utf8')
  const broken = links(text).filter(({ target }) => {
    const [file = '', anchor] = target.split('#')
    const resolved = file === '' ? path.join(root, page) : path.resolve(path.dirname(path.join(root, page)), file)
    if (!existsSync(resolved)) return true
    if (anchor === undefined) return false
    return !resolved.endsWith('.md') || !anchors(readFileSync(resolved, 'utf8')).has(anchor)
  })
  expect(broken).toEqual([])
})

test('the README links to every page of docs/, CONTRIBUTING.md, SECURITY.md and CHANGELOG.md', () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8')
  const targets = new Set(links(readme).map(({ target }) => target.split('#')[0]))
  expect(pages.filter((page) => page !== 'README.md' && !targets.has(page))).toEqual([])
})

test('the README stays short: about 10–12 KB', () => {
  const bytes = Buffer.byteLength(readFileSync(path.join(root, 'README.md'), 'utf8'))
  expect(bytes).toBeGreaterThan(8_000)
  expect(bytes).toBeLessThan(13_000)
})

/** The sections of README.md and docs/ that messages in src/ send people to: `"Heading" in docs/x.md`, `(docs/x.md: "Heading")`. */
function sectionsNamedInSources(): Array<{ file: string; page: string; heading: string }> {
  const found: Array<{ file: string; page: string; heading: string }> = []
  const sources = readdirSync(path.join(root, 'src'), { recursive: true, encoding: 'utf8' }).filter((n) =>
    n.endsWith('.ts')
  )
  for (const name of sources) {
    const text = readFileSync(path.join(root, 'src', name), 'utf8')
    const page = (named: string): string => (named === 'the README' ? 'README.md' : named)
    for (const m of text.matchAll(/"([^"`]+)" in (docs\/[\w-]+\.md|the README)/g))
      found.push({ file: `src/${name}`, page: page(m[2]!), heading: m[1]! })
    for (const m of text.matchAll(/\((docs\/[\w-]+\.md|README): "([^"`]+)"\)/g))
      found.push({ file: `src/${name}`, page: m[1] === 'README' ? 'README.md' : m[1]!, heading: m[2]! })
  }
  return found
}

test('every section a message in src/ sends people to exists under that heading', () => {
  const named = sectionsNamedInSources()
  // The refresh-token, re-authorization and concurrency pointers at least; none may be lost to a changed phrasing.
  expect(named.length).toBeGreaterThanOrEqual(6)
  const missing = named.filter(({ page, heading }) => {
    const file = path.join(root, page)
    return !existsSync(file) || !anchors(readFileSync(file, 'utf8')).has([...anchors(`# ${heading}`)][0]!)
  })
  expect(missing).toEqual([])
})
