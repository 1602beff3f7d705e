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
  // Jest runs each module in a vm context, where every global lookup (`Math.log1p`, `Number.isFinite`,
  // `Infinity`) goes through a V8 interceptor: numeric loops ran 10-30x slower than in Node
  // (nodejs/node#31658, jestjs/jest#5163). Passing these globals into the module wrapper makes them
  // locals, so per-call budgets in the property suites mean what they say. (NaN cannot be listed:
  // Jest rejects a falsy global.)
  sandboxInjectedGlobals: ['Math', 'Number', 'Infinity', 'Float64Array', 'Int32Array', 'Uint32Array', 'Array', 'Object', 'Map', 'Set'],
};
