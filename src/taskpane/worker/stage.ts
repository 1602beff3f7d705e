/**
 * Stage reports from inside an analysis (e.g. "Clustering the customers"): the worker sets the
 * listener for the job it runs; in-thread runs (no Worker available) pass them straight on.
 */
let listener: ((stage: string) => void) | null = null;

export function onStage(next: ((stage: string) => void) | null): void {
  listener = next;
}

export function reportStage(stage: string): void {
  listener?.(stage);
}
