/**
 * Vega-Lite spec of the satisfaction–loyalty link: mean loyalty at each satisfaction level with
 * its t interval (band and error bars), dashed lines at the two cuts, and the four Jones & Sasser
 * groups named in their corners with their shares. A pure function: data in, spec out.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { LoyaltyQuadrant, SatisfactionLoyaltyResult } from '../satisfaction/satisfaction-loyalty.ts';

export interface SatisfactionLoyaltyChartOptions {
  title?: string;
  /** Axis titles (defaults "Satisfaction" and "Loyalty (mean)"). */
  satisfactionTitle?: string;
  loyaltyTitle?: string;
  width?: number;
  height?: number;
}

/** Quadrant colours: green for loyalists, orange and purple for the two mixed groups, red for defectors. */
export const LOYALTY_QUADRANT_COLORS: Readonly<Record<LoyaltyQuadrant, string>> = {
  Loyalists: '#1a9850',
  Mercenaries: '#f46d43',
  Hostages: '#7b3294',
  Defectors: '#d73027',
};

/**
 * @param result the result of `satisfactionLoyalty(table, options)`
 * @returns a layered Vega-Lite (v6) spec with inline data
 * @example satisfactionLoyaltyChart(result).layer.length; // => 5 (cuts, band, line and points, error bars, group names)
 */
export function satisfactionLoyaltyChart(
  result: SatisfactionLoyaltyResult,
  options: SatisfactionLoyaltyChartOptions = {},
): TopLevelSpec & { layer: unknown[] } {
  const [sMin, sMax] = result.scales.satisfaction;
  const [lMin, lMax] = result.scales.loyalty;
  const x = {
    field: 'satisfaction',
    type: 'quantitative',
    title: options.satisfactionTitle ?? 'Satisfaction',
    scale: { domain: [sMin, sMax], nice: false, clamp: true },
  } as const;
  const y = {
    field: 'loyalty',
    type: 'quantitative',
    title: options.loyaltyTitle ?? 'Loyalty (mean)',
    scale: { domain: [lMin, lMax], nice: false, clamp: true },
  } as const;
  const points = result.curve.map((p) => ({
    satisfaction: p.satisfaction,
    loyalty: p.meanLoyalty,
    low: p.low ?? p.meanLoyalty,
    high: p.high ?? p.meanLoyalty,
    n: p.n,
  }));
  const share = (quadrant: LoyaltyQuadrant) => result.quadrants.find((q) => q.quadrant === quadrant)!;
  const label = (quadrant: LoyaltyQuadrant) => `${quadrant} ${(share(quadrant).share * 100).toFixed(0)}% (${share(quadrant).count})`;
  const corners = [
    { quadrant: 'Loyalists', text: label('Loyalists'), satisfaction: sMax, loyalty: lMax, align: 'right', baseline: 'top' },
    { quadrant: 'Mercenaries', text: label('Mercenaries'), satisfaction: sMax, loyalty: lMin, align: 'right', baseline: 'bottom' },
    { quadrant: 'Hostages', text: label('Hostages'), satisfaction: sMin, loyalty: lMax, align: 'left', baseline: 'top' },
    { quadrant: 'Defectors', text: label('Defectors'), satisfaction: sMin, loyalty: lMin, align: 'left', baseline: 'bottom' },
  ];
  const quadrants = Object.keys(LOYALTY_QUADRANT_COLORS) as LoyaltyQuadrant[];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: options.title ?? `Satisfaction and loyalty (r = ${result.correlation === null ? 'n/a' : result.correlation.toFixed(2)})`,
    width: options.width ?? 420,
    height: options.height ?? 320,
    layer: [
      {
        data: { values: [{ satisfaction: result.cuts.satisfaction, loyalty: result.cuts.loyalty }] },
        layer: [
          { mark: { type: 'rule', color: '#444', strokeDash: [4, 4] }, encoding: { x } },
          { mark: { type: 'rule', color: '#444', strokeDash: [4, 4] }, encoding: { y } },
        ],
      },
      {
        data: { values: points },
        mark: { type: 'area', opacity: 0.2, color: '#4575b4' },
        encoding: { x, y: { ...y, field: 'low' }, y2: { field: 'high' } },
      },
      {
        data: { values: points },
        mark: { type: 'line', point: true, color: '#4575b4' },
        encoding: {
          x,
          y,
          tooltip: [
            { field: 'satisfaction', type: 'quantitative', title: 'Satisfaction level' },
            { field: 'loyalty', type: 'quantitative', title: 'Mean loyalty', format: '.2f' },
            { field: 'low', type: 'quantitative', title: `${Math.round(result.level * 100)}% low`, format: '.2f' },
            { field: 'high', type: 'quantitative', title: `${Math.round(result.level * 100)}% high`, format: '.2f' },
            { field: 'n', type: 'quantitative', title: 'Respondents' },
          ],
        },
      },
      {
        data: { values: points },
        mark: { type: 'rule', color: '#4575b4' },
        encoding: { x, y: { ...y, field: 'low' }, y2: { field: 'high' } },
      },
      {
        data: { values: corners },
        layer: (['left', 'right'] as const).flatMap((align) =>
          (['top', 'bottom'] as const).map((baseline) => ({
            transform: [{ filter: { and: [{ field: 'align', equal: align }, { field: 'baseline', equal: baseline }] } }],
            mark: { type: 'text' as const, align, baseline, dx: align === 'left' ? 4 : -4, dy: baseline === 'top' ? 4 : -4, fontWeight: 'bold' as const },
            encoding: {
              x,
              y,
              text: { field: 'text', type: 'nominal' as const },
              color: {
                field: 'quadrant',
                type: 'nominal' as const,
                legend: null,
                scale: { domain: quadrants, range: quadrants.map((q) => LOYALTY_QUADRANT_COLORS[q]) },
              },
            },
          })),
        ),
      },
    ],
  } as TopLevelSpec & { layer: unknown[] };
}
