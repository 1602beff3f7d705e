/**
 * First guesses for a mapping, from header names (the role's hints, best first) and, where no
 * header fits, from what the columns hold: the first date-like column for a date, the first
 * numeric one for a number. Each column serves at most one role.
 */
import type { ColumnTable } from '../excel/cell-values.ts';
import { cellKind } from './validate.ts';
import type { Mapping, Role } from './roles.ts';

export function guessMapping(header: readonly string[], roles: readonly Role[], table?: ColumnTable): Mapping {
  const mapping: Mapping = {};
  const used = new Set<string>();
  for (const role of roles) {
    let found: string | null = null;
    for (const hint of role.hints) {
      found = header.find((name) => !used.has(name) && hint.test(name)) ?? null;
      if (found) break;
    }
    if (!found && table && (role.kind === 'date' || role.kind === 'number')) {
      found = header.find((name) => !used.has(name) && columnLooks(table, name, role.kind as 'date' | 'number')) ?? null;
    }
    mapping[role.key] = found;
    if (found) used.add(found);
  }
  return mapping;
}

/** True when the first (up to 20) non-blank cells of the column are all of the kind. */
function columnLooks(table: ColumnTable, column: string, kind: 'date' | 'number'): boolean {
  // Cell by cell: `table.array` would copy the whole column (a million rows) to read twenty.
  const rows = table.numRows();
  let seen = 0;
  for (let i = 0; i < rows && seen < 20; i++) {
    const k = cellKind(table.get(column, i));
    if (k === 'blank') continue;
    if (kind === 'date' ? k !== 'date' : k !== 'number') return false;
    seen++;
  }
  return seen > 0;
}
