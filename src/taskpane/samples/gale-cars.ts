/**
 * Gale's car example on a value map (as in notebooks/04-value-map): our car's relative price
 * comes from Gale's price profile (price-satisfaction 9/6/9/7 against the competitor's 7/6/8/7,
 * weights 60/20/10/10 → ratio 118.39, relative price 84.46), computed here by the core; its
 * relative quality (104) and the four other cars are illustrative, and so is the earlier survey
 * (2023) that the value map's movement arrows start from.
 */
import * as aq from 'arquero';
import { relativePrice, relativeRatio } from '../../core/index.ts';
import type { DataSource } from '../app/data-source.ts';

export function galeCarsSample(): DataSource {
  const ours = relativePrice(relativeRatio([9, 6, 9, 7], [7, 6, 8, 7], [60, 20, 10, 10]));
  const offers = ['Ours', 'Brand A', 'Brand B', 'Brand C', 'Brand D'];
  const table = aq.table({
    survey: [...offers.map(() => '2023'), ...offers.map(() => '2024')],
    offer: [...offers, ...offers],
    quality: [98, 113, 99, 92, 101, 104, 115, 96, 90, 102],
    price: [92, 114, 95, 103, 99, Math.round(ours * 100) / 100, 118, 92, 105, 101],
  });
  return {
    label: "Gale's car example (illustrative market, surveys 2023 and 2024)",
    header: table.columnNames(),
    table,
    rowNumber: (i) => i + 1,
    origin: 'sample',
  };
}
