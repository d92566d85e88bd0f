// Mutation testing of the code that guards the token chain (`npm run mutation`; CONTRIBUTING.md says
// when to run it). Coverage says which lines ran; a mutation run says whether a wrong line would be
// noticed: Stryker changes one thing at a time (a condition, an operator, a pattern, a message) and
// runs the tests that reach it, and a change no test fails on is a bug the suite lets through.
//
// Only the in-process tests run: the bundle tests start dist/, which a mutant never reaches, and
// they would only add minutes. A mutant that is truly equivalent is marked where it lives, with
// `// Stryker disable next-line <mutator>: <why>`; scripts/mutation-scores.ts shows how many.

/** The modules that guard the chain: a bug in any of them can lose or expose a token. */
const mutate = [
  // The Box token endpoint, its answer, and every grant sent to it.
  'src/box/*.ts',
  // Sealing the refresh token, and the hand-off between jobs.
  'src/seal.ts',
  'src/aead.ts',
  'src/handoff.ts',
  // The secret writer and the secrets it writes, retried.
  'src/github/secret-writer.ts',
  'src/github/secrets.ts',
  'src/retry.ts',
  // What is left to the user when a write fails, and what is printed.
  'src/recovery.ts',
  'src/redact.ts',
  // The writes still owed when the process is told to stop.
  'src/shutdown.ts'
]

export default {
  testRunner: 'jest',
  testRunnerNodeArgs: ['--experimental-vm-modules'],
  jest: {
    projectType: 'custom',
    configFile: 'jest.config.js',
    enableFindRelatedTests: false,
    config: {
      collectCoverage: false,
      testMatch: [
        '<rootDir>/__tests__/**/*.flow.test.ts',
        '<rootDir>/__tests__/{unit,bad-input,secret-targets}/*.unit.test.ts'
      ]
    }
  },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.stryker.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  mutate,
  // A module under `high` fails the run (scripts/mutation-scores.ts checks each module alone).
  thresholds: { high: 90, low: 80, break: null },
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  ignorePatterns: ['dist', '.build', 'coverage', 'test-artifacts', 'reports', '.local', '.bench'],
  // Stryker gives half to type checkers (idle once every mutant is checked), half to test runners:
  // two runners on two cores, as the tests mostly wait on sockets, not the CPU.
  concurrency: 4,
  // A second run only tests the mutants whose code or tests changed since the report of the first.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  timeoutMS: 10000,
  // Jest's ESM modules are never released between runs (libsodium's WebAssembly among them): a
  // runner grows by gigabytes and slows to a crawl unless it is replaced now and then.
  maxTestRunnerReuse: 25,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always'
}
