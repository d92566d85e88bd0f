/**
 * `npm run -s changelog -- <version> [CHANGELOG.md]`: prints the CHANGELOG.md section of one
 * version, the text the release workflow publishes as the GitHub Release's notes. Exits 1 when the
 * changelog has no section for that version, or an empty one, so a tag cannot be released without
 * notes.
 *
 * Keep a Changelog form: a section starts at `## [1.2.3] - 2026-01-31` (or `## [1.2.3]`, or
 * `## 1.2.3`) and ends at the next `## ` heading; link reference definitions (`[1.2.3]: https://…`)
 * are left out.
 */
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The body of `version`'s section (a leading `v` is ignored), trimmed; throws when there is none. */
export function changelogSection(markdown: string, version: string): string {
  const wanted = version.replace(/^v/, '')
  if (!/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.test(wanted)) {
    throw new Error(`"${version}" is not a semantic version (X.Y.Z).`)
  }
  const heading = new RegExp(`^## \\[?${escape(wanted)}\\]?(?:\\s+-\\s+.*)?\\s*$`)
  const lines = markdown.replace(/\r\n/g, '\n').split('\n')
  const start = lines.findIndex((line) => heading.test(line))
  if (start < 0) throw new Error(`CHANGELOG.md has no section "## [${wanted}]".`)
  const next = lines.findIndex((line, i) => i > start && line.startsWith('## '))
  const body = lines
    .slice(start + 1, next < 0 ? undefined : next)
    .filter((line) => !/^\[[^\]]+\]:\s+\S+/.test(line))
    .join('\n')
    .trim()
  if (body === '') throw new Error(`The CHANGELOG.md section "## [${wanted}]" is empty.`)
  return body
}

function main(): void {
  const [version, file = 'CHANGELOG.md'] = process.argv.slice(2)
  if (!version) {
    console.error('Usage: npm run -s changelog -- <version> [CHANGELOG.md]')
    process.exit(2)
  }
  try {
    console.log(changelogSection(readFileSync(file, 'utf8'), version))
  } catch (error) {
    console.error((error as Error).message)
    process.exit(1)
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main()
