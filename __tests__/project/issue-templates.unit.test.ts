/**
 * The issue forms in .github/ISSUE_TEMPLATE are read by GitHub only, and a form GitHub cannot parse
 * is silently not offered. The bug form must keep people from pasting credentials and ask for the
 * log lines that tell what happened to the token.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'

const dir = path.resolve(import.meta.dirname, '..', '..', '.github', 'ISSUE_TEMPLATE')

interface Element {
  type: 'markdown' | 'input' | 'textarea' | 'dropdown' | 'checkboxes'
  id?: string
  attributes: { label?: string; value?: string; description?: string; options?: unknown[] }
}
interface Form {
  name: string
  description: string
  body: Element[]
}

const forms = readdirSync(dir)
  .filter((name) => name.endsWith('.yml') && name !== 'config.yml')
  .map((name) => ({ name, form: parse(readFileSync(path.join(dir, name), 'utf8')) as Form }))

test.each(forms.map(({ name, form }) => [name, form] as const))(
  '%s has the shape of a GitHub issue form',
  (_, form) => {
    expect(form.name).toMatch(/\S/)
    expect(form.description).toMatch(/\S/)
    expect(form.body.length).toBeGreaterThan(0)
    const ids = form.body.filter((e) => e.type !== 'markdown').map((e) => e.id)
    expect(ids.every((id) => typeof id === 'string' && /^[a-z0-9_-]+$/.test(id))).toBe(true)
    expect(new Set(ids).size).toBe(ids.length)
    for (const element of form.body) {
      if (element.type === 'markdown') expect(element.attributes.value).toMatch(/\S/)
      else expect(element.attributes.label).toMatch(/\S/)
      if (element.type === 'dropdown' || element.type === 'checkboxes')
        expect(element.attributes.options?.length).toBeGreaterThan(0)
    }
    // Every form warns against pasting credentials before anything is typed.
    expect(form.body[0]).toMatchObject({ type: 'markdown' })
    expect(form.body[0]!.attributes.value).toMatch(/Never paste a token or a secret/)
  }
)

test('the bug form asks for the error line, whether the "Recovery payload" group exists, and the summary, tokens as ***', () => {
  const bug = forms.find(({ name }) => name === 'bug_report.yml')!.form
  const labels = bug.body.map((e) => `${e.attributes.label ?? ''} ${e.attributes.description ?? ''}`).join('\n')
  expect(labels).toMatch(/The error line/)
  expect(labels).toMatch(/"Recovery payload" group/)
  expect(labels).toMatch(/job summary/)
  expect(bug.body[0]!.attributes.value).toMatch(/`\*\*\*`/)
  expect(bug.body.at(-1)).toMatchObject({ type: 'checkboxes' })
})

test('blank issues are off, and a vulnerability goes to private reporting', () => {
  const config = parse(readFileSync(path.join(dir, 'config.yml'), 'utf8')) as {
    blank_issues_enabled: boolean
    contact_links: Array<{ name: string; url: string; about: string }>
  }
  expect(config.blank_issues_enabled).toBe(false)
  expect(config.contact_links.map((l) => l.url)).toEqual([
    expect.stringMatching(/^https:\/\/docs\.github\.com\/.*privately-reporting/)
  ])
})
