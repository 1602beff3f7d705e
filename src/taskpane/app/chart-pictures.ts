/**
 * In Excel, charts go into the workbook beside their result tables: the app remembers the sheet
 * each view last wrote its results to, and a chart's "Insert into workbook" puts the picture
 * there (before any was written: on the active sheet).
 */
import type { ResultBlock } from '../excel/result-block.ts';
import { insertPicture } from '../excel/insert-picture.ts';
import { setNativeValueMapInserter, setPictureInserter } from '../ui/chart-workbook.ts';
import { insertValueMapChart } from '../excel/value-map-chart.ts';
import type { WrittenSheet } from '../views/view.ts';

type Write = (baseName: string, blocks: ResultBlock[]) => Promise<WrittenSheet>;

/**
 * Wraps the sheet writer so that it remembers each view's results sheet, and turns on the
 * charts' "Insert into workbook".
 */
export function resultsSheetWriter(write: Write, currentView: () => string): Write {
  const sheets = new Map<string, string>();
  setPictureInserter(async (png, title, chart) => {
    const view = chart.closest<HTMLElement>('[data-view]')?.dataset.view ?? currentView();
    const place = await Excel.run((context) => insertPicture(context, png, title, sheets.get(view)));
    return `Inserted on sheet "${place.sheetName}" at ${place.cell}.`;
  });
  setNativeValueMapInserter(async (offers, chart) => {
    const view = chart.closest<HTMLElement>('[data-view]')?.dataset.view ?? currentView();
    const sheet = sheets.get(view);
    if (sheet === undefined) throw new Error('write the results to a new sheet first: the chart is built on that table.');
    await Excel.run((context) => insertValueMapChart(context, sheet, offers));
    return `Excel chart inserted on sheet "${sheet}".`;
  });
  return async (baseName, blocks) => {
    const view = currentView();
    const written = await write(baseName, blocks);
    sheets.set(view, written.sheetName);
    return written;
  };
}
