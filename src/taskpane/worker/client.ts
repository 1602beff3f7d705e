/**
 * The pane's side of the analysis worker: sends tables (once per table, in parts, yielding to the
 * browser between parts so that no task blocks the pane), runs analyses by name, forwards stage
 * reports, and cancels by terminating the worker (a new one starts with the next run). Where no
 * Worker exists (unit tests in Node), analyses run in the same thread.
 */
import type { ColumnTable } from '../excel/cell-values.ts';
import { runAnalysis, type AnalysisArgs, type AnalysisName, type AnalysisResult } from './analyses.ts';
import { decode, decodeError, encode, isColumnTable, tableColumns } from './codec.ts';
import { ROWS_PER_PART, type FromWorker, type TableRef, type ToWorker } from './protocol.ts';
import { onStage } from './stage.ts';

/** The worker script, a webpack entry of its own (see webpack.config.js). */
export const WORKER_SCRIPT = 'analysis-worker.js';

/** Thrown when the user cancels: the view says "Cancelled", not "Something went wrong". */
export class CancelledError extends Error {
  constructor() {
    super('Cancelled.');
    this.name = 'CancelledError';
  }
}

export function isCancelled(error: unknown): boolean {
  return error instanceof Error && error.name === 'CancelledError';
}

export interface RunOptions {
  /** A stage label, with the fraction done when it is known. */
  onStage?: (stage: string, fraction?: number) => void;
  signal?: AbortSignal;
}

interface Job {
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  onStage?: RunOptions['onStage'];
  /** Arrays the result sends apart, gathered part by part. */
  detached: unknown[][];
}

/** Longest stretch of sending before the browser gets a turn (ms). */
const SLICE_MS = 25;

function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export class AnalysisClient {
  private worker: Worker | null = null;
  private sent = new WeakMap<ColumnTable, number>();
  private jobs = new Map<number, Job>();
  private nextId = 1;

  constructor(private readonly scriptUrl: () => string = () => new URL(WORKER_SCRIPT, document.baseURI).href) {}

  async run<K extends AnalysisName>(name: K, args: AnalysisArgs<K>, options: RunOptions = {}): Promise<AnalysisResult<K>> {
    const { signal } = options;
    if (signal?.aborted) throw new CancelledError();
    if (typeof Worker === 'undefined') return this.runHere(name, args, options);
    const abort = () => this.terminate(new CancelledError());
    signal?.addEventListener('abort', abort, { once: true });
    try {
      const worker = this.ensureWorker();
      const encoded: unknown[] = [];
      for (const arg of args as unknown[]) {
        encoded.push(isColumnTable(arg) ? await this.sendTable(worker, arg, options) : encode(arg));
        if (signal?.aborted) throw new CancelledError();
      }
      const job = this.nextId++;
      const detached: unknown[][] = [];
      const done = new Promise<unknown>((resolve, reject) => this.jobs.set(job, { resolve, reject, onStage: options.onStage, detached }));
      options.onStage?.('Computing');
      this.post(worker, { type: 'run', job, name, args: encoded });
      return decode(await done, detached) as AnalysisResult<K>;
    } finally {
      signal?.removeEventListener('abort', abort);
    }
  }

  /** Stops whatever runs: the worker is terminated and every pending run rejects with `reason`. */
  terminate(reason: unknown = new CancelledError()): void {
    this.worker?.terminate();
    this.worker = null;
    this.sent = new WeakMap();
    const jobs = [...this.jobs.values()];
    this.jobs.clear();
    for (const job of jobs) job.reject(reason);
  }

  private async runHere<K extends AnalysisName>(name: K, args: AnalysisArgs<K>, options: RunOptions): Promise<AnalysisResult<K>> {
    onStage((stage) => options.onStage?.(stage));
    try {
      return runAnalysis(name, args as unknown[]) as AnalysisResult<K>;
    } finally {
      onStage(null);
    }
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.scriptUrl());
    worker.onmessage = (event: MessageEvent<FromWorker>) => this.receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.terminate(new Error(`the analysis worker stopped: ${event.message || 'its script could not load'}`));
    };
    this.worker = worker;
    return worker;
  }

  private receive(message: FromWorker): void {
    const job = this.jobs.get(message.job);
    if (!job) return;
    if (message.type === 'stage') {
      job.onStage?.(message.stage);
      return;
    }
    if (message.type === 'part') {
      const array = (job.detached[message.index] ??= []);
      for (let i = 0; i < message.values.length; i++) array.push(message.values[i]);
      return;
    }
    this.jobs.delete(message.job);
    if (message.type === 'done') job.resolve(message.result);
    else job.reject(decodeError(message.error));
  }

  private post(worker: Worker, message: ToWorker): void {
    worker.postMessage(message);
  }

  /** Sends a table once (in parts, column by column) and returns its reference. */
  private async sendTable(worker: Worker, table: ColumnTable, options: RunOptions): Promise<TableRef> {
    const known = this.sent.get(table);
    if (known !== undefined) return { __cvkTableRef: known };
    const id = this.nextId++;
    const { names, columns } = tableColumns(table);
    const rows = table.numRows();
    this.post(worker, { type: 'table-start', id, names, rows });
    const parts = Math.max(1, names.length * Math.ceil(rows / ROWS_PER_PART));
    let done = 0;
    let sliceStart = performance.now();
    for (let j = 0; j < columns.length; j++) {
      const column = columns[j];
      for (let offset = 0; offset < rows; offset += ROWS_PER_PART) {
        const end = Math.min(rows, offset + ROWS_PER_PART);
        const values = ArrayBuffer.isView(column)
          ? (column as unknown as Float64Array).slice(offset, end)
          : Array.prototype.slice.call(column, offset, end);
        this.post(worker, { type: 'table-part', id, column: j, offset, values });
        done++;
        if (performance.now() - sliceStart > SLICE_MS) {
          options.onStage?.('Sending the data to the analysis worker', done / parts);
          await yieldToBrowser();
          if (options.signal?.aborted) throw new CancelledError();
          if (this.worker !== worker) throw new CancelledError();
          sliceStart = performance.now();
        }
      }
    }
    this.sent.set(table, id);
    return { __cvkTableRef: id };
  }
}

/** The pane's one worker. */
export const analysisClient = new AnalysisClient();
