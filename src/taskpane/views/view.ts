/** What every view gets from the app, and what it offers it. */
import type { DataSource } from '../app/data-source.ts';
import type { ResultBlock } from '../excel/result-block.ts';

export interface ViewContext {
  data: DataSource;
  /** Present in Excel: writes blocks to a new sheet and resolves to its name. */
  write?: (baseName: string, blocks: ResultBlock[]) => Promise<WrittenSheet>;
  /** Puts the options and column mapping the user last set for this view back (before the first run). */
  restore?: (root: HTMLElement) => void;
}

/** A sheet written in full; `note` says what finishing step failed, if one did. */
export interface WrittenSheet {
  sheetName: string;
  note?: string;
}

export interface View {
  id: 'segments' | 'value-map' | 'lifetime' | 'satisfaction';
  title: string;
  /** The embedded sample the view opens on outside Excel. */
  sample: () => DataSource;
  render(root: HTMLElement, context: ViewContext): void;
}
