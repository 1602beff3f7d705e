/**
 * Importance–performance analysis (Martilla & James 1977): where to act first.
 */
import { got, invalid, notFinite, notOneOf } from '../messages.ts';

export type Quadrant =
  | 'Concentrate here'
  | 'Keep up the good work'
  | 'Low priority'
  | 'Possible overkill';

export interface ImportancePerformanceItem {
  name: string;
  /** Stated or derived importance; may be left out when `options.drivers` supplies it. */
  importance?: number;
  performance: number;
}

/** What importance can be derived from: a `keyDrivers` result or the like. */
export interface DriverList {
  drivers: { driver: string; weight: number; share: number; correlation: number; mean?: number }[];
}

export interface ImportancePerformanceOptions {
  /** Importance grid line; default the mean importance of the items. */
  importanceLine?: number;
  /** Performance grid line; default the mean performance of the items. */
  performanceLine?: number;
  /**
   * Derived importance: a `keyDrivers` result (or any `{ driver, weight, share, correlation }`
   * list). Items without a stated importance take theirs from the driver of the same name.
   */
  drivers?: DriverList;
  /** Which driver figure is the importance; default `'share'`. */
  importanceFrom?: 'share' | 'weight' | 'correlation';
}

export interface ImportancePerformancePoint {
  name: string;
  importance: number;
  performance: number;
  quadrant: Quadrant;
}

export interface ImportancePerformanceResult {
  items: ImportancePerformancePoint[];
  importanceLine: number;
  performanceLine: number;
}

/**
 * The quadrant of one point. An item exactly on a grid line counts as high on that axis
 * (importance ≥ line is high, performance ≥ line is high): "on the line" is not below it.
 *
 * @example quadrantOf(0.3, 7, 0.3, 7.5); // => 'Concentrate here' (on the importance line = high)
 */
export function quadrantOf(
  importance: number,
  performance: number,
  importanceLine: number,
  performanceLine: number,
): Quadrant {
  const important = importance >= importanceLine;
  const performing = performance >= performanceLine;
  if (important) return performing ? 'Keep up the good work' : 'Concentrate here';
  return performing ? 'Possible overkill' : 'Low priority';
}

/**
 * Importance–performance map: each attribute placed by its importance to customers and its
 * performance (e.g. mean satisfaction with it), in four quadrants split by grid lines at the
 * means (or given values): Concentrate here (important, performing below the line), Keep up the
 * good work (important, above), Low priority (unimportant, below), Possible overkill
 * (unimportant, above). Tie rule: a value exactly on a grid line counts as high.
 *
 * Importance may be stated (survey ratings) or derived from a key driver analysis: pass the
 * `keyDrivers` result as `options.drivers` and leave `importance` out of the items, or pass the
 * `keyDrivers` result itself as `items` (performance is then each driver's mean answer).
 *
 * Reference: Martilla & James (1977), "Importance-performance analysis", Journal of Marketing
 * 41(1), 77–79. O(n).
 *
 * @param input `{ name, importance?, performance }[]`, or a `keyDrivers` result
 * @param options grid lines, `drivers` (derived importance) and `importanceFrom`
 * @returns each item with its quadrant, and the grid lines used
 * @throws {InputError} for no items, a duplicate or missing name, a non-finite value, or an item
 *   without importance that no driver supplies
 * @example
 * importancePerformance([
 *   { name: 'price', importance: 0.4, performance: 6 },
 *   { name: 'staff', importance: 0.1, performance: 8 },
 *   { name: 'speed', importance: 0.3, performance: 8 },
 * ]).items[0].quadrant; // => 'Concentrate here'
 */
export function importancePerformance(
  input: ImportancePerformanceItem[] | DriverList,
  options: ImportancePerformanceOptions = {},
): ImportancePerformanceResult {
  let items = input as ImportancePerformanceItem[];
  if (!Array.isArray(input) && typeof input === 'object' && input !== null && Array.isArray(input.drivers)) {
    // A keyDrivers result on its own: importance from the drivers, performance = mean answer.
    items = input.drivers.map((d) => ({ name: d.driver, performance: d.mean as number }));
    options = { ...options, drivers: options.drivers ?? input };
  }
  if (!Array.isArray(items) || items.length === 0) {
    throw invalid('items', 'must list at least one { name, importance, performance }');
  }
  const from = options.importanceFrom ?? 'share';
  if (from !== 'share' && from !== 'weight' && from !== 'correlation') {
    throw notOneOf('importanceFrom', ['share', 'weight', 'correlation'], from);
  }
  const derived = new Map<string, number>();
  for (const entry of options.drivers?.drivers ?? []) derived.set(entry.driver, entry[from]);
  const seen = new Set<string>();
  const points = items.map((item, k) => {
    const at = { argument: 'items', item: k + 1 };
    if (typeof item !== 'object' || item === null || typeof item.name !== 'string' || item.name === '') {
      throw invalid(at, 'has no name');
    }
    if (seen.has(item.name)) throw invalid(at, `repeats the name ${JSON.stringify(item.name)}`);
    seen.add(item.name);
    const importance = item.importance ?? derived.get(item.name);
    if (importance === undefined) {
      throw invalid(
        at,
        `(${JSON.stringify(item.name)}) has no importance (state it, or pass a keyDrivers result with that driver as options.drivers)`,
        'na',
      );
    }
    for (const [field, value] of [['importance', importance], ['performance', item.performance]] as const) {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw invalid(at, `(${JSON.stringify(item.name)}) has ${field === 'importance' ? 'an' : 'a'} ${field} that is not a finite number${got(value)}`);
      }
    }
    return { name: item.name, importance, performance: item.performance };
  });
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const importanceLine = options.importanceLine ?? mean(points.map((x) => x.importance));
  const performanceLine = options.performanceLine ?? mean(points.map((x) => x.performance));
  for (const [name, value] of [['importanceLine', importanceLine], ['performanceLine', performanceLine]] as const) {
    if (!Number.isFinite(value)) throw notFinite(name, value);
  }
  return {
    items: points.map((x) => ({
      ...x,
      quadrant: quadrantOf(x.importance, x.performance, importanceLine, performanceLine),
    })),
    importanceLine,
    performanceLine,
  };
}
