/** The Value map view's computation: Gale's value map against the fair-value line. */
import { valueMap, type ValueMapResult } from '../../core/index.ts';
import type { ColumnTable } from '../excel/cell-values.ts';
import type { Mapping } from '../mapping/roles.ts';

export interface ValueMapViewOptions {
  line: 'fair' | 'fitted';
  tolerance: number;
}

export function runValueMap(table: ColumnTable, mapping: Mapping, options: ValueMapViewOptions): ValueMapResult {
  return valueMap(
    table,
    { offer: mapping.offer as string, quality: mapping.quality as string, price: mapping.price as string },
    { line: options.line, tolerance: options.tolerance },
  );
}
