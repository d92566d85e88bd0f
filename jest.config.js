/** ESM TypeScript under ts-jest; run with NODE_OPTIONS=--experimental-vm-modules (see package.json). */
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // @actions/core's own modules, which its package.json does not export (tsconfig.json's paths).
    '^@actions/core/lib/(.*)$': '<rootDir>/node_modules/@actions/core/lib/$1'
  },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
  testTimeout: 30000,
  // Which Node.js ran the in-process tests and which ran the bundles (support/e2e-node.ts).
  globalSetup: '<rootDir>/__tests__/support/runtime-setup.mjs',
  reporters: ['default', '<rootDir>/__tests__/support/runtime-reporter.mjs'],
  // `npm test` measures coverage of the code the in-process tests load, and fails below these
  // floors (a little under what the suite reaches, so a real drop fails and noise does not).
  // The entry points and the signal handling run only as the bundle, in child processes (the
  // end-to-end tests), where no coverage is collected: they are left out rather than counted as 0.
  // A subset (`npm test -- some.test.ts`) would miss the floors: pass --coverage=false then.
  collectCoverage: true,
  coverageProvider: 'v8',
  collectCoverageFrom: [
    'src/**/*.ts',
    '!src/index.ts',
    '!src/login.ts',
    '!src/shutdown.ts',
    '!src/proxy.ts',
    '!src/login/system.ts'
  ],
  coverageReporters: ['text-summary'],
  coverageThreshold: { global: { statements: 95, branches: 84, functions: 90, lines: 95 } }
}
