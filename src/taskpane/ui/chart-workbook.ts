/**
 * "Insert into workbook" under each chart, in Excel only: the chart as a PNG picture placed by
 * the app (beside the view's result tables). Outside Excel no inserter is set and charts get no
 * button; the chart menu still saves images.
 */
import { button } from './controls.ts';
import { el } from './dom.ts';

/** What the app provides in Excel: puts the picture in and says where, in words. */
export type PictureInserter = (pngBase64: string, title: string, chart: HTMLElement) => Promise<string>;

let inserter: PictureInserter | null = null;

export function setPictureInserter(insert: PictureInserter | null): void {
  inserter = insert;
}

interface ImageSource {
  toImageURL(type: string, scaleFactor?: number): Promise<string>;
}

/** PNG at twice the screen size: crisp in the sheet, still a few hundred kB at most. */
async function pngBase64(view: ImageSource): Promise<string> {
  const url = await view.toImageURL('png', 2);
  return url.slice(url.indexOf(',') + 1);
}

export function offerWorkbookInsert(holder: HTMLElement, view: ImageSource, title: string): void {
  if (!inserter) return;
  const insert = inserter;
  const name = title || 'Chart';
  const action = button('Insert into workbook');
  action.setAttribute('aria-label', `Insert "${name}" into the workbook as a picture`);
  const status = el('span', { class: 'note', role: 'status' });
  action.addEventListener('click', async () => {
    action.disabled = true;
    status.textContent = 'Inserting…';
    try {
      status.textContent = await insert(await pngBase64(view), name, holder);
    } catch (error) {
      status.textContent = `The picture could not be inserted: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      action.disabled = false;
      action.focus();
    }
  });
  holder.appendChild(el('div', { class: 'chart-actions' }, action, status));
}

/** In Excel: the value map as a native chart on the view's results sheet; resolves to a message. */
export type NativeValueMapInserter = (offers: number, chart: HTMLElement) => Promise<string>;

let nativeValueMap: NativeValueMapInserter | null = null;

export function setNativeValueMapInserter(insert: NativeValueMapInserter | null): void {
  nativeValueMap = insert;
}

/** "Insert as an Excel chart" beside the value map's picture button (Excel only). */
export function offerNativeValueMap(holder: HTMLElement, offers: number): void {
  if (!nativeValueMap) return;
  const insert = nativeValueMap;
  const action = button('Insert as an Excel chart');
  action.title = 'A live XY scatter on the results sheet, built on the written table (write the results first)';
  const status = el('span', { class: 'note', role: 'status' });
  action.addEventListener('click', async () => {
    action.disabled = true;
    status.textContent = 'Inserting…';
    try {
      status.textContent = await insert(offers, holder);
    } catch (error) {
      status.textContent = `The chart could not be inserted: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      action.disabled = false;
      action.focus();
    }
  });
  holder.appendChild(el('div', { class: 'chart-actions' }, action, status));
}
