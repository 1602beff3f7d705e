/**
 * Puts a chart into the workbook as a picture: on the sheet the view's results were written to
 * (or, before any was written, the active sheet), to the right of what the sheet holds and below
 * the pictures already there, so that charts sit beside their result tables and never cover
 * cells the user owns.
 */

/** Gap between the used cells and the picture, in columns; between pictures, in points. */
const GAP_COLUMNS = 1;
const GAP_POINTS = 12;

export interface PicturePlace {
  sheetName: string;
  /** Cell the picture's top-left corner sits on (A1 notation, sheet-less). */
  cell: string;
}

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * Inserts `pngBase64` (no `data:` prefix) as a picture named `name`.
 *
 * @param sheetName the results sheet; undefined (or a sheet since deleted) = the active sheet
 * @returns where the picture went
 */
export async function insertPicture(context: Excel.RequestContext, pngBase64: string, name: string, sheetName?: string): Promise<PicturePlace> {
  let sheet = context.workbook.worksheets.getActiveWorksheet();
  if (sheetName !== undefined) {
    const named = context.workbook.worksheets.getItemOrNullObject(sheetName);
    await context.sync();
    if (!named.isNullObject) sheet = named;
  }
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('columnIndex, columnCount');
  const shapes = sheet.shapes;
  shapes.load('items/top, items/height, items/left');
  sheet.load('name');
  await context.sync();
  const column = used.isNullObject ? 0 : used.columnIndex + used.columnCount + GAP_COLUMNS;
  const anchor = sheet.getRangeByIndexes(0, column, 1, 1);
  anchor.load('left, top');
  await context.sync();
  // Below the lowest picture already in this column band.
  const beside = shapes.items.filter((s) => s.left >= anchor.left - 1);
  const top = beside.reduce((lowest, s) => Math.max(lowest, s.top + s.height + GAP_POINTS), anchor.top);
  const picture = shapes.addImage(pngBase64);
  picture.name = name.slice(0, 250);
  picture.altTextTitle = name.slice(0, 250);
  picture.left = anchor.left;
  picture.top = top;
  await context.sync();
  return { sheetName: sheet.name, cell: `${columnName(column)}1` };
}
