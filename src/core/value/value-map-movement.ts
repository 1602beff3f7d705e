/**
 * The value map over time: with the same offers scored in two surveys, how each offer moved —
 * in relative quality, in relative price, and towards or away from better value.
 */
import * as aq from 'arquero';
import { invalid, mustBe } from '../messages.ts';
import type { ColumnTable } from '../table/input.ts';
import type { ValueMapResult, ValueZone } from './value-map.ts';
import { rowObjects } from '../table/row-objects.ts';

interface Position {
  quality: number;
  price: number;
  distance: number;
  zone: ValueZone;
}

function positions(map: ValueMapResult, argument: string): Map<string, Position> {
  if (map === null || typeof map !== 'object' || typeof map.table?.objects !== 'function') {
    throw mustBe(argument, 'the result of valueMap');
  }
  const out = new Map<string, Position>();
  for (const [k, row] of (rowObjects(map.table) as (Position & { offer: string })[]).entries()) {
    if (out.has(row.offer)) {
      throw invalid({ argument, row: k + 1 }, `repeats the offer ${JSON.stringify(row.offer)}; each offer once per survey`);
    }
    out.set(row.offer, row);
  }
  return out;
}

/**
 * Each offer's movement between two value maps (e.g. last year's survey and this year's).
 *
 * O(offers).
 *
 * @param before the earlier `valueMap` result
 * @param after the later `valueMap` result, over the same offers
 * @returns an Arquero table, one row per offer in the order of `before`: `offer`,
 *   `qualityBefore`, `priceBefore`, `zoneBefore`, `qualityAfter`, `priceAfter`, `zoneAfter`,
 *   `qualityChange`, `priceChange`, `distanceChange` (positive = moved towards better value,
 *   each map's distance to its own fair-value line) and `movement` (`'towards better value'`,
 *   `'towards worse value'` or `'no change'`)
 * @throws {InputError} when an argument is not a value map, an offer appears twice, or an offer
 *   is in one survey only (naming it)
 * @example valueMapMovement(valueMap([{ offer: 'Us', quality: 100, price: 100 }]), valueMap([{ offer: 'Us', quality: 110, price: 100 }])).get('distanceChange', 0);
 * // => 7.071… (10/√2: ten points more quality at the same price)
 */
export function valueMapMovement(before: ValueMapResult, after: ValueMapResult): ColumnTable {
  const a = positions(before, 'before');
  const b = positions(after, 'after');
  for (const offer of a.keys()) {
    if (!b.has(offer)) throw invalid('after', `has no offer ${JSON.stringify(offer)} (before has it)`, 'na');
  }
  for (const offer of b.keys()) {
    if (!a.has(offer)) throw invalid('before', `has no offer ${JSON.stringify(offer)} (after has it)`, 'na');
  }
  const offers = [...a.keys()];
  const then = offers.map((offer) => a.get(offer) as Position);
  const now = offers.map((offer) => b.get(offer) as Position);
  const distanceChange = offers.map((_, k) => now[k].distance - then[k].distance);
  return aq.table({
    offer: offers,
    qualityBefore: then.map((p) => p.quality),
    priceBefore: then.map((p) => p.price),
    zoneBefore: then.map((p) => p.zone),
    qualityAfter: now.map((p) => p.quality),
    priceAfter: now.map((p) => p.price),
    zoneAfter: now.map((p) => p.zone),
    qualityChange: offers.map((_, k) => now[k].quality - then[k].quality),
    priceChange: offers.map((_, k) => now[k].price - then[k].price),
    distanceChange,
    movement: distanceChange.map((d) => (d > 0 ? 'towards better value' : d < 0 ? 'towards worse value' : 'no change')),
  });
}
