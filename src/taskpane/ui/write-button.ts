/**
 * A "Write to new sheet" button for a result computed after the view's Run (a follow-up section
 * such as the value over quarter ends): in Excel it writes that section's blocks to a new sheet
 * and says where; outside Excel there is no button.
 */
import type { ResultBlock } from '../excel/result-block.ts';
import { WriteFailure } from '../excel/write-sheet.ts';
import type { ViewContext } from '../views/view.ts';
import { withBusy } from './busy.ts';
import { button } from './controls.ts';
import { el } from './dom.ts';
import { errorText } from './messages.ts';

export function sectionWriteButton(root: HTMLElement, context: ViewContext, sheetName: string, blocks: () => ResultBlock[], testId: string): HTMLElement | null {
  const write = context.write;
  if (!write) return null;
  const go = button('Write to new sheet', testId);
  // Named apart from the view's own "Write to new sheet", keeping the words on the button.
  go.setAttribute('aria-label', `Write to new sheet: ${sheetName.replace(/^CVK /, '')}`);
  const status = el('p', { class: 'status', role: 'status', 'data-testid': `${testId}-status` });
  go.addEventListener('click', async () => {
    try {
      const written = await withBusy(root, 'Writing to a new sheet', () => write(sheetName, blocks()));
      status.textContent = `Written to the new sheet "${written.sheetName}".${written.note ? ` ${written.note}` : ''}`;
    } catch (error) {
      status.textContent = `Writing the sheet failed: ${error instanceof WriteFailure ? error.message : errorText(error)}`;
    }
  });
  return el('div', { class: 'actions' }, go, status);
}
