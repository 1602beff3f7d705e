/**
 * Satisfaction: the CSI of the outcome construct and the NPS, key drivers of the outcome, and the
 * structural model: the user maps items to constructs and paths, the pane runs `plsPathModel`
 * and shows the path diagram, R², 0–100 indices, loadings and weights.
 */
import { driverChart, plsPathChart } from '../../core/index.ts';
import type { SatisfactionResult } from '../analysis/satisfaction.ts';
import { blockFromRows, type ResultBlock } from '../excel/result-block.ts';
import { ECSI_LAYOUT, ECSI_NAMES, guessSurveyMapping, validateSurvey, type SurveyMapping } from '../mapping/survey.ts';
import { ecsiSample } from '../samples/ecsi.ts';
import { plotWidth, renderChart } from '../ui/chart.ts';
import { el } from '../ui/dom.ts';
import { fmt, int, pct } from '../ui/format.ts';
import { surveyForm } from '../ui/survey-form.ts';
import { renderTable } from '../ui/table.ts';
import type { View, ViewContext } from './view.ts';
import { viewShell } from './view-shell.ts';
import { renderQualityPanel } from './satisfaction-quality-panel.ts';
import { renderSatisfactionLoyaltyPanel } from './satisfaction-loyalty-panel.ts';
import { renderCommentsPanel } from './comments-panel.ts';
import type { SatisfactionLoyaltyResult } from '../../core/index.ts';
import type { CommentsStart } from '../analysis/comments-start.ts';
import { compareControls, groupComparisonBlocks, renderGroupComparison } from './satisfaction-compare-panel.ts';
import type { TrackingResult } from '../analysis/tracking.ts';
import { trackingSurveySample } from '../samples/tracking-survey.ts';
import { csiIndexNote, rSquaredNote } from './satisfaction-notes.ts';
import { ownValue } from '../../core/table/named-columns.ts';
import { formativeBlocks, measurementText } from './satisfaction-formative-panel.ts';

interface Computed {
  mapping: SurveyMapping;
  result: SatisfactionResult;
  /** CSI and NPS per group of the "Compare by" column, when one is chosen. */
  groups: TrackingResult | null;
  /** The satisfaction–loyalty and comments panels' numbers (computed in the worker). */
  loyalty?: SatisfactionLoyaltyResult | null;
  comments?: CommentsStart | null;
}

function constructRows({ mapping, result }: Computed) {
  return Object.entries(mapping.blocks).map(([construct, items]) => ({
    construct,
    items: items.join(', '),
    index: result.pls.indices[construct],
    rSquared: result.pls.rSquared[construct],
  }));
}

function pathRows({ mapping, result }: Computed) {
  return mapping.paths.map(([from, to]) => ({ from, to, coefficient: result.pls.pathCoefficients[from]?.[to] }));
}

function itemRows({ mapping, result }: Computed) {
  return Object.entries(mapping.blocks).flatMap(([construct, items]) =>
    items.map((item) => ({ item, construct, loading: result.pls.loadings[item], weight: result.pls.outerWeights[item] })),
  );
}

function blocks(computed: Computed): ResultBlock[] {
  const { result } = computed;
  const out: ResultBlock[] = [
    blockFromRows(
      `Satisfaction summary: CSI ${result.csi === null ? 'n/a' : fmt(result.csi, 1)}, NPS ${result.nps === null ? 'n/a' : fmt(result.nps, 1)}; PLS path scheme, ${result.pls.iterations} iterations, converged ${result.pls.converged}`,
      ['construct', 'items', 'index', 'rSquared'],
      constructRows(computed),
    ),
    blockFromRows('Path coefficients', ['from', 'to', 'coefficient'], pathRows(computed)),
    blockFromRows('Outer loadings and weights', ['item', 'construct', 'loading', 'weight'], itemRows(computed)),
  ];
  if (result.drivers) {
    out.push(
      blockFromRows(`Key drivers of ${result.drivers.outcome} (R² ${fmt(result.drivers.rSquared, 3)})`, ['driver', 'correlation', 'weight', 'share', 'mean'], result.drivers.drivers as unknown as Record<string, unknown>[]),
    );
  }
  out.push(...formativeBlocks(result.pls));
  if (computed.groups) out.push(...groupComparisonBlocks(computed.groups));
  return out;
}

export const satisfactionView: View = {
  id: 'satisfaction',
  title: 'Satisfaction',
  sample: ecsiSample,
  render(root: HTMLElement, context: ViewContext) {
    const { data } = context;
    const form = surveyForm(data.header, guessSurveyMapping(data.header, data.table));
    const compare = compareControls(data, () => satisfactionView.render(root, { ...context, data: trackingSurveySample() }));
    let computed: Computed | null = null;
    const shell = viewShell<Computed>(root, context, {
      controls: [form.element, compare.element],
      validate: () => [...validateSurvey(data.table, form.value(), data.rowNumber), ...compare.problems(form.value())],
      busyLabel: () => `Fitting the PLS path model to ${int(data.table.numRows())} respondents`,
      compute: async (task) => {
        const mapping = form.value();
        const result = await task.analyse('satisfaction', data.table, mapping);
        // "Compare by": CSI and NPS per group, in the worker too.
        const settings = compare.settings(mapping);
        computed = { mapping, result, groups: settings ? await task.analyse('tracking', data.table, settings) : null };
        computed.loyalty = await task.analyse('satisfactionLoyalty', data.table, mapping);
        computed.comments = await task.analyse('commentsStart', data.table, mapping.npsItem);
        return computed;
      },
      render: async (results, current) => {
        const { mapping, result } = current;
        const { pls } = result;
        results.appendChild(
          el('div', { class: 'headline', 'data-testid': 'csi-nps' },
            el('div', {}, el('span', {}, `CSI (${mapping.outcome ?? 'no outcome'})`), el('strong', {}, result.csi === null ? '–' : fmt(result.csi, 1))),
            el('div', {}, el('span', {}, 'NPS'), el('strong', {}, result.nps === null ? '–' : fmt(result.nps, 1))),
            el('div', {}, el('span', {}, 'Respondents used'), el('strong', {}, `${int(pls.rows.used)} / ${int(pls.rows.total)}`)),
          ),
        );
        if (result.nps === null) results.appendChild(el('p', { class: 'note' }, 'NPS: choose a 0–10 "would you recommend" item under Options.'));
        if (current.groups) await renderGroupComparison(results, current.groups);
        results.appendChild(el('h2', {}, 'Structural model (PLS path model)'));
        const constructs = Object.keys(mapping.blocks);
        const isEcsi = constructs.every((c) => Object.values(ECSI_NAMES).includes(c));
        const width = plotWidth(results, 60);
        await renderChart(results, plsPathChart({ constructs, paths: mapping.paths }, pls, { width, height: 260, positions: isEcsi ? ECSI_LAYOUT : undefined }), 'chart-pls-paths');
        results.appendChild(
          el('p', { class: 'note' }, `Path weighting scheme, ${measurementText(mapping)}; ${pls.iterations} iterations, ${pls.converged ? 'converged' : 'NOT converged'}. Indices rescale the construct scores (unstandardized weights) to 0–100 on the ${pls.scale.min}–${pls.scale.max} scale.${pls.rows.dropped > 0 ? ` ${int(pls.rows.dropped)} respondents with blanks left out.` : ''}`),
        );
        results.appendChild(
          renderTable(constructRows(current), [
            { key: 'construct', label: 'Construct' },
            { key: 'index', label: 'Index (0–100)', format: (v) => fmt(v, 1) },
            { key: 'rSquared', label: 'R²', format: (v) => (typeof v === 'number' && v > 0 ? fmt(v, 3) : '–') },
            { key: 'items', label: 'Items' },
          ], 'pls-constructs', 'Constructs: index, R² and items'),
        );
        const outcomeIndex = mapping.outcome === null ? undefined : pls.indices[mapping.outcome];
        if (mapping.outcome !== null && result.csi !== null && typeof outcomeIndex === 'number') {
          results.appendChild(csiIndexNote({ outcome: mapping.outcome, csi: result.csi, index: outcomeIndex, items: ownValue(mapping.blocks, mapping.outcome) ?? [], scale: pls.scale, dropped: pls.rows.dropped }));
        }
        results.appendChild(
          renderTable(pathRows(current), [
            { key: 'from', label: 'From' },
            { key: 'to', label: 'To' },
            { key: 'coefficient', label: 'Path coefficient', format: (v) => fmt(v, 3) },
          ], 'pls-paths', 'Path coefficients'),
        );
        if (result.drivers) {
          results.appendChild(el('h2', {}, `Key drivers of ${mapping.outcome}`));
          await renderChart(results, driverChart(result.drivers, { width: plotWidth(results, 140), title: `Key drivers of ${mapping.outcome} (R² = ${fmt(result.drivers.rSquared, 2)})` }), 'chart-drivers');
          results.appendChild(
            renderTable(result.drivers.drivers as unknown as Record<string, unknown>[], [
              { key: 'driver', label: 'Driver' },
              { key: 'correlation', label: 'r', format: (v) => fmt(v, 3) },
              { key: 'share', label: 'Share of R²', format: (v) => pct((v as number) / 100) },
              { key: 'mean', label: 'Mean', format: (v) => fmt(v, 2) },
            ], 'drivers-table', `Johnson's relative weights; drivers are the items of the constructs with a path into ${mapping.outcome}`),
          );
          const modelRSquared = mapping.outcome === null ? undefined : pls.rSquared[mapping.outcome];
          if (mapping.outcome !== null && typeof modelRSquared === 'number') {
            const antecedents = mapping.paths.filter(([, to]) => to === mapping.outcome).map(([from]) => from);
            results.appendChild(rSquaredNote({ outcome: mapping.outcome, driversRSquared: result.drivers.rSquared, modelRSquared, antecedents, driverItems: result.drivers.drivers.length }));
          }
        }
        results.appendChild(el('h3', {}, 'Measurement model'));
        results.appendChild(
          renderTable(itemRows(current), [
            { key: 'item', label: 'Item' },
            { key: 'construct', label: 'Construct' },
            { key: 'loading', label: 'Loading', format: (v) => fmt(v, 3) },
            { key: 'weight', label: 'Outer weight', format: (v) => fmt(v, 3) },
          ], 'pls-items', 'Items: loadings and outer weights'),
        );
        await renderQualityPanel(results, pls, mapping);
        await renderSatisfactionLoyaltyPanel(results, current.loyalty ?? null);
        renderCommentsPanel(results, data.table, current.comments ?? null);
      },
      blocks: (current) => blocks(computed ?? current),
      sheetName: 'CVK Satisfaction',
    });
    void shell.run();
  },
};
