/** Jest runs the TypeScript sources directly; type checking is `npm run typecheck`'s job. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/', '/test/notebooks/'],
  transform: {
    '^.+\\.[tj]sx?$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }],
  },
  // Arquero and its dependencies ship ES modules only; so do vega-lite and the vega-* helpers it
  // imports (tests that compile specs mock `vega` with `vega-util`, see test/core/charts).
  transformIgnorePatterns: [
    '/node_modules/(?!(arquero|@uwdata/flechette|acorn|vega-lite|vega-util|vega-event-selector|vega-expression|json-stringify-pretty-compact)/)',
  ],
  moduleNameMapper: {
    '^office-addin-manifest$': 'office-addin-manifest/lib/officeApp.js',
  },
  setupFiles: ['<rootDir>/test/setup/custom-functions-runtime.ts'],
};
