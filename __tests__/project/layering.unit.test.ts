/**
 * The layering of src/ (CONTRIBUTING.md, "Code map") is checked by dependency-cruiser with
 * .dependency-cruiser.cjs, in `npm run check`. These rows prove the rules bite: the real tree
 * passes, and a copy of the config refuses a small tree with each mistake planted in it.
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { REPO_ROOT } from '../support/harness.js'

const depcruise = path.join(REPO_ROOT, 'node_modules', '.bin', 'depcruise')

function cruise(cwd: string): { status: number | null; output: string } {
  const run = spawnSync(depcruise, ['src', '--config', '.dependency-cruiser.cjs'], { cwd, encoding: 'utf8' })
  return { status: run.status, output: `${run.stdout}${run.stderr}` }
}

/** A tree of src/ files (path → content) with the project's config and tsconfig beside it. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'layering-'))
  for (const name of ['.dependency-cruiser.cjs', 'tsconfig.json'])
    copyFileSync(path.join(REPO_ROOT, name), path.join(root, name))
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
    writeFileSync(path.join(root, file), content)
  }
  return root
}

test('the real tree keeps the layering, and has no import circle', () => {
  const { status, output } = cruise(REPO_ROOT)
  expect(output).toMatch(/no dependency violations found/)
  expect(status).toBe(0)
})

test.each([
  [
    'the shared core imports a flow',
    {
      'src/github/writer.ts': "import { report } from '../action/report.js'\nexport const write = report\n",
      'src/action/report.ts': 'export const report = 1\n'
    },
    'core-uses-no-flow'
  ],
  [
    'the login imports the action',
    {
      'src/login/main.ts': "import { rotate } from '../action/rotation.js'\nexport const login = rotate\n",
      'src/action/rotation.ts': 'export const rotate = 1\n'
    },
    'login-stays-apart'
  ],
  [
    'Box imports GitHub',
    {
      'src/box/grant.ts': "import { client } from '../github/client.js'\nexport const grant = client\n",
      'src/github/client.ts': 'export const client = 1\n'
    },
    'box-and-github-apart'
  ],
  [
    'a circle through a type-only import',
    {
      'src/a.ts': "import type { B } from './b.js'\nexport interface A { b?: B }\n",
      'src/b.ts': "import type { A } from './a.js'\nexport interface B { a?: A }\n"
    },
    'no-circular'
  ]
])('%s: refused', (_, files, rule) => {
  const root = tree(files)
  try {
    const { status, output } = cruise(root)
    expect(output).toMatch(new RegExp(`error ${rule}:`))
    expect(status).not.toBe(0)
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
})
