/**
 * One error model, checked statically: every InputError is made by a named builder
 * (`src/core/messages.ts`, on `locatedError` in `src/core/errors.ts`), so it carries its location
 * as data and reads one way; and exported core and formula code rejects input only with an
 * InputError. A plain Error is allowed only for an internal invariant that says so in a comment
 * on the line before it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(relative));
    else if (/\.ts$/.test(entry.name)) out.push(relative);
  }
  return out;
}

/** `file:line: text` of every line matching `pattern`, outside `except`. */
function occurrences(dirs: string[], pattern: RegExp, except: string[] = []): string[] {
  const found: string[] = [];
  for (const file of dirs.flatMap(sourceFiles)) {
    if (except.includes(file)) continue;
    const lines = fs.readFileSync(path.join(root, file), 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (pattern.test(line)) found.push(`${file}:${i + 1}: ${line.trim()}`);
    });
  }
  return found;
}

test('no InputError is built inline: every one comes from a message builder', () => {
  const inline = occurrences(['src'], /new InputError\(/, ['src/core/errors.ts', 'src/core/messages.ts']);
  expect(inline).toEqual([]);
});

test('core and formula code throws no RangeError, TypeError or Error for bad input', () => {
  const thrown: string[] = [];
  for (const file of ['src/core', 'src/functions'].flatMap(sourceFiles)) {
    const lines = fs.readFileSync(path.join(root, file), 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (!/throw new (Range|Type)?Error\(/.test(line)) return;
      // An internal invariant (not about the caller's input) is named as one just above.
      if (/internal invariant/i.test(lines[i - 1] ?? '')) return;
      thrown.push(`${file}:${i + 1}: ${line.trim()}`);
    });
  }
  expect(thrown).toEqual([]);
});

test('the check finds what it looks for (it is not vacuous)', () => {
  expect(occurrences(['src/core'], /new InputError\(/).some((hit) => hit.startsWith('src/core/errors.ts:'))).toBe(true);
  expect(sourceFiles('src/core').length).toBeGreaterThan(50);
});
