/**
 * The typescript-action convention that `npx @github/local-action . src/action.ts .env` relies on:
 * action.ts exports `run()`, which takes nothing (its collaborators are the real ones), and the
 * runner's entry does nothing but call it, so both run the same thing. (The tool itself is not a
 * dependency: about 330 MB. CONTRIBUTING.md says how to run it.)
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..', '..')

test('src/action.ts exports run() with no parameters', async () => {
  const action = (await import('../../src/action.js')) as { run?: unknown }
  expect(typeof action.run).toBe('function')
  expect((action.run as () => Promise<void>).length).toBe(0)
})

test("the runner's entry only awaits that run()", () => {
  const code = readFileSync(path.join(root, 'src', 'index.ts'), 'utf8')
    .replace(/\/\*\*[\s\S]*?\*\//g, '')
    .trim()
  expect(code.split('\n').filter((line) => line.trim() !== '')).toEqual([
    "import { run } from './action.js'",
    'await run()'
  ])
})

test('.env.example names every required input and is not .env itself', () => {
  const example = readFileSync(path.join(root, '.env.example'), 'utf8')
  for (const input of ['CLIENT-ID', 'CLIENT-SECRET', 'REFRESH-TOKEN', 'GITHUB-TOKEN'])
    expect(example).toMatch(new RegExp(`^INPUT_${input}=$`, 'm'))
  expect(readFileSync(path.join(root, '.gitignore'), 'utf8').split('\n')).toContain('.env')
})
