/** Browser end-to-end tests: the built pane in headless Chromium (Debian's), served on localhost. */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  testMatch: ['**/test/e2e/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 60_000,
  maxWorkers: 1,
};
