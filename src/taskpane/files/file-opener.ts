/**
 * Outside Excel: open a CSV or XLSX file with a file picker, or drop it on the pane.
 */
import { button } from '../ui/controls.ts';
import { el } from '../ui/dom.ts';
import { FILE_TYPES } from './read-file.ts';

/**
 * The "Open a file" button (with its hidden file input); files dropped anywhere on `dropZone`
 * are opened too. `open` gets the first file chosen or dropped.
 */
export function fileOpener(dropZone: HTMLElement, open: (file: File) => void): HTMLElement {
  const input = el('input', { type: 'file', accept: FILE_TYPES, hidden: true, 'data-testid': 'file-input', 'aria-label': 'CSV or XLSX file' });
  const pick = button('Open a CSV or XLSX file…', 'open-file', true);
  pick.title = 'Your own data: a CSV or XLSX file with a header row (or drop the file on the pane)';
  pick.addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (file) open(file);
  });
  const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');
  dropZone.addEventListener('dragover', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    dropZone.classList.add('drop-target');
  });
  dropZone.addEventListener('dragleave', (event) => {
    if (event.target === dropZone) dropZone.classList.remove('drop-target');
  });
  dropZone.addEventListener('drop', (event) => {
    dropZone.classList.remove('drop-target');
    const file = event.dataTransfer?.files?.[0];
    if (!file) return;
    event.preventDefault();
    open(file);
  });
  return el('span', { class: 'file-opener' }, pick, input);
}
