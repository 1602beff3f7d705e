// `npm install` must not warn EBADENGINE on the Node version package.json declares (the machines
// run Node 20): every package the lockfile installs accepts the lowest Node version we accept.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';

const root = path.join(__dirname, '../..');
const readJson = (name: string) => JSON.parse(readFileSync(path.join(root, name), 'utf8'));

type LockEntry = { version?: string; engines?: { node?: string } | string[] };

describe('Node engines', () => {
  const declared: string = readJson('package.json').engines.node;
  const lowest = semver.minVersion(declared)?.version ?? '';

  test('package.json declares a Node 20 range', () => {
    expect(semver.major(lowest)).toBe(20);
  });

  test('every package in package-lock.json accepts the lowest declared Node version', () => {
    const packages: Record<string, LockEntry> = readJson('package-lock.json').packages;
    const refusing = Object.entries(packages)
      .filter(([name]) => name !== '')
      .map(([name, entry]) => ({ name, version: entry.version, node: Array.isArray(entry.engines) ? undefined : entry.engines?.node }))
      .filter(({ node }) => node !== undefined && !semver.satisfies(lowest, node))
      .map(({ name, version, node }) => `${name}@${version} needs node ${node}`);
    expect(refusing).toEqual([]);
  });
});
