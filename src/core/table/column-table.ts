/** The Arquero table type, in a module of its own so that table readers can share it without importing each other. */
import type * as aq from 'arquero';

export type ColumnTable = ReturnType<typeof aq.table>;
