/**
 * The value map as a native Excel chart (an XY scatter), built on the table "Write to new sheet"
 * put on the results sheet, so that it stays live: edit a price there and the point moves. One
 * series per offer (the legend names them; one series "Offers" past MAX_NAMED), relative quality
 * across and relative price up, and the fair-value line as a series through the offers' fair
 * prices (collinear points, so the line is straight whatever their order). Placed like the
 * pictures: right of the tables, below what is already there.
 */

/** More offers than this share one series (Excel's legend and palette stop helping). */
const MAX_NAMED = 25;
/** The value-map block on the results sheet: its title on row 1, the header on row 2. */
const HEADER_ROW = 1;

export async function insertValueMapChart(context: Excel.RequestContext, sheetName: string, offers: number): Promise<{ sheetName: string }> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const header = sheet.getRangeByIndexes(HEADER_ROW, 0, 1, 6);
  header.load('values');
  const used = sheet.getUsedRange(true);
  used.load('columnIndex, columnCount');
  const shapes = sheet.shapes;
  shapes.load('items/top, items/height');
  await context.sync();
  const names = header.values[0].map(String);
  const column = (name: string) => names.indexOf(name);
  if (['offer', 'quality', 'price', 'fairPrice'].some((name) => column(name) < 0)) {
    throw new Error(`The value map table is no longer at the top of sheet "${sheetName}": write the results again, then insert the chart.`);
  }
  const first = HEADER_ROW + 1;
  const cells = (name: string, row = first, rows = offers) => sheet.getRangeByIndexes(row, column(name), rows, 1);
  const offerNames = cells('offer');
  offerNames.load('values');
  await context.sync();

  const chart = sheet.charts.add('XYScatter', cells('price', first, 1), 'Columns');
  const named = offers <= MAX_NAMED;
  const firstSeries = chart.series.getItemAt(0);
  firstSeries.name = named ? String(offerNames.values[0][0]) : 'Offers';
  firstSeries.setXAxisValues(named ? cells('quality', first, 1) : cells('quality'));
  firstSeries.setValues(named ? cells('price', first, 1) : cells('price'));
  if (named) {
    for (let i = 1; i < offers; i++) {
      const series = chart.series.add(String(offerNames.values[i][0]));
      series.setXAxisValues(cells('quality', first + i, 1));
      series.setValues(cells('price', first + i, 1));
    }
  }
  const line = chart.series.add('Fair-value line');
  line.chartType = 'XYScatterLinesNoMarkers';
  line.setXAxisValues(cells('quality'));
  line.setValues(cells('fairPrice'));
  chart.title.text = 'Customer value map';
  chart.axes.categoryAxis.title.text = 'Relative quality';
  chart.axes.valueAxis.title.text = 'Relative price';
  chart.name = 'Customer value map';

  const anchor = sheet.getRangeByIndexes(0, used.columnIndex + used.columnCount + 1, 1, 1);
  anchor.load('left, top');
  await context.sync();
  chart.left = anchor.left;
  chart.top = shapes.items.reduce((lowest, s) => Math.max(lowest, s.top + s.height + 12), anchor.top);
  await context.sync();
  return { sheetName };
}
