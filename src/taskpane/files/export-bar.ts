/**
 * Outside Excel, where "Write to new sheet" cannot be offered: the view's result tables as files.
 * Pick a table for CSV, or take all of them as one XLSX workbook (a sheet per table).
 */
import type { ResultBlock } from '../excel/result-block.ts';
import { button } from '../ui/controls.ts';
import { clear, el } from '../ui/dom.ts';
import { errorText } from '../ui/messages.ts';
import { blocksToXlsx, blockToCsv, download, fileStem } from './export-tables.ts';

export interface ExportBar {
  element: HTMLElement;
  /** Lists the current result tables (none: the buttons are disabled). */
  refresh(): void;
}

export function exportBar(blocks: () => ResultBlock[] | null, baseName: string): ExportBar {
  const choice = el('select', { 'data-testid': 'export-table', 'aria-label': 'Result table to download as CSV' });
  const csv = button('Download CSV', 'export-csv');
  const xlsx = button('Download XLSX (all tables)', 'export-xlsx');
  const status = el('span', { class: 'note', role: 'status', 'data-testid': 'export-status' });
  const element = el('div', { class: 'actions export', 'data-testid': 'export-bar', 'data-remember': 'no' }, choice, csv, xlsx, status);
  const stem = fileStem(baseName);

  function refresh(): void {
    const current = blocks() ?? [];
    clear(choice);
    current.forEach((block, i) => choice.appendChild(el('option', { value: String(i) }, block.title)));
    [choice, csv, xlsx].forEach((control) => (control.disabled = current.length === 0));
    status.textContent = '';
  }

  csv.addEventListener('click', () => {
    const current = blocks();
    const index = Number(choice.value);
    const block = current?.[index];
    if (!block) return;
    const name = `${stem}-${index + 1}.csv`;
    // A byte-order mark so that Excel reads the file as UTF-8.
    download(new Blob(['\uFEFF', blockToCsv(block)], { type: 'text/csv;charset=utf-8' }), name);
    status.textContent = `Saved "${name}".`;
  });
  xlsx.addEventListener('click', async () => {
    const current = blocks();
    if (!current || current.length === 0) return;
    try {
      download(await blocksToXlsx(current), `${stem}.xlsx`);
      status.textContent = `Saved "${stem}.xlsx" (${current.length} sheets).`;
    } catch (error) {
      status.textContent = `The workbook could not be made: ${errorText(error)}`;
    }
  });
  refresh();
  return { element, refresh };
}
