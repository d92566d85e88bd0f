/**
 * The layering of src/ (CONTRIBUTING.md, "Code map"), checked by `npm run lint:imports` in
 * `npm run check`: the entries (index.ts, post.ts, login.ts) use a flow; the flows (action/,
 * login/) use the shared core; the core (box/, github/ and the modules at the top of src/) uses only
 * itself, never a flow; and no module reaches itself through its imports, type-only ones included.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A circle of imports (type-only ones count): one of the modules holds what belongs elsewhere.',
      from: {},
      to: { circular: true }
    },
    {
      name: 'core-uses-no-flow',
      severity: 'error',
      comment: 'The shared core (box/, github/, the top of src/) serves both flows, so it imports neither.',
      from: { path: '^src/', pathNot: ['^src/(action|login)/', '^src/(index|post|login)\\.ts$'] },
      to: { path: '^src/(action|login)/' }
    },
    {
      name: 'flows-stay-apart',
      severity: 'error',
      comment: 'The action and the login command share only the core: neither imports the other.',
      from: { path: '^src/action/' },
      to: { path: '^src/login/' }
    },
    {
      name: 'login-stays-apart',
      severity: 'error',
      comment: 'The action and the login command share only the core: neither imports the other.',
      from: { path: '^src/login/' },
      to: { path: '^src/action/' }
    },
    {
      name: 'box-and-github-apart',
      severity: 'error',
      comment: "Box's token endpoint and GitHub's secrets know nothing of each other; a flow brings them together.",
      from: { path: '^src/box/' },
      to: { path: '^src/github/' }
    },
    {
      name: 'github-and-box-apart',
      severity: 'error',
      comment: "Box's token endpoint and GitHub's secrets know nothing of each other; a flow brings them together.",
      from: { path: '^src/github/' },
      to: { path: '^src/box/' }
    }
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist)/' },
    // Type-only imports are edges too: a circle through a type is still a circle.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] }
  }
}
