/**
 * Where the pane runs (found by office-loader.ts). Office.js outside Office resolves `Office.onReady` with `host: null`; when
 * office.js could not load at all (offline, blocked CDN) there is no `Office` global. Both mean
 * "standalone in a browser": the pane then works on the embedded sample data.
 */
export type HostKind = 'excel' | 'standalone';

export interface HostInfo {
  kind: HostKind;
  /** Office's platform name when in Office (PC, Mac, OfficeOnline…), otherwise null. */
  platform: string | null;
}

export function describeHost(info: { host: unknown; platform: unknown } | null): HostInfo {
  if (info && info.host === 'Excel') return { kind: 'excel', platform: String(info.platform ?? '') || null };
  return { kind: 'standalone', platform: null };
}

export function hostStatusText(host: HostInfo): string {
  return host.kind === 'excel'
    ? `Running in Excel${host.platform ? ` (${host.platform})` : ''}. Select a range to analyse.`
    : 'Running standalone in the browser (no Excel): showing the embedded sample data.';
}
