/**
 * Loads Office only where Office hosts the pane, and says why when it cannot.
 *
 * office.js outside Office does nothing useful (it resolves `Office.onReady` with `host: null`)
 * but opens a telemetry frame to a Microsoft host three seconds after loading. So the pane first
 * looks for the signs office.js itself reads to find its host (`_host_Info` in the address,
 * `window.name` or session storage; the host objects of the desktop webviews; a parent frame, as
 * in Office on the web) and loads office.js, then the custom functions, only when one is there.
 * (The ribbon button opens the pane from the manifest: there is no commands bundle.)
 * Otherwise it runs standalone without a request off its own origin.
 *
 * When office.js or a file it needs fails (offline, a blocked CDN), `Office.onReady` never
 * settles: the pane waits a few seconds at most, names what failed, and runs standalone.
 */
import { describeHost, type HostInfo } from './host.ts';

/** How long office.js may take to load, and Office to answer after it has. */
export const OFFICE_SCRIPT_TIMEOUT_MS = 8_000;
export const OFFICE_READY_TIMEOUT_MS = 5_000;

/** The bundles that need office.js loaded first (the shared runtime's custom functions). */
export const OFFICE_BUNDLES = ['functions.js'];

export interface OfficeStart {
  host: HostInfo;
  /** Why Office is not there although the pane looked hosted by it; null when all went well. */
  problem: string | null;
}

/** True when something in the page says Office hosts it (the signs office.js reads itself). */
export function looksHostedByOffice(win: Window = window): boolean {
  const w = win as Window & { external?: Record<string, unknown>; agaveHost?: unknown; webkit?: { messageHandlers?: Record<string, unknown> }; chrome?: { webview?: unknown } };
  try {
    if (/[?&#]_host_Info=/i.test(win.location.search + win.location.hash)) return true;
    if (w.agaveHost !== undefined) return true;
    if (w.external && (typeof w.external.GetHostInfo === 'function' || typeof w.external.GetContext !== 'undefined')) return true;
    if (w.webkit?.messageHandlers?.Agave !== undefined) return true;
    if (w.chrome?.webview !== undefined) return true;
    if (hostInfoIn(win.name)) return true;
    if (win.sessionStorage?.getItem('hostInfoValue')) return true;
  } catch {
    // A sandboxed frame may refuse storage: decide by the frame test below.
  }
  try {
    return win.parent !== win;
  } catch {
    return true; // a cross-origin parent that will not even be compared is a host page
  }
}

function hostInfoIn(name: string): boolean {
  if (!name.startsWith('{')) return false;
  try {
    const parsed = JSON.parse(name) as { hostInfo?: unknown };
    return typeof parsed?.hostInfo === 'string';
  } catch {
    return false;
  }
}

/** office.js's address, from the page (`<meta name="cvk-office-js">`, set by the build). */
export function officeJsUrl(doc: Document = document): string {
  return doc.querySelector<HTMLMetaElement>('meta[name="cvk-office-js"]')?.content || 'office.js';
}

/** Loads a classic script; rejects when it fails or takes longer than `timeoutMs`. */
export function loadScript(src: string, timeoutMs: number, doc: Document = document): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = doc.createElement('script');
    const timer = setTimeout(() => reject(new Error(`${src} did not load within ${timeoutMs / 1000} s`)), timeoutMs);
    script.onload = () => {
      clearTimeout(timer);
      resolve();
    };
    script.onerror = () => {
      clearTimeout(timer);
      reject(new Error(`${src} could not be loaded`));
    };
    script.src = src;
    doc.head.appendChild(script);
  });
}

/** Scripts that failed to load in this page (office.js's companion files among them), by address. */
function watchFailedScripts(win: Window): { failed: string[]; stop: () => void } {
  const failed: string[] = [];
  const listener = (event: Event) => {
    const target = event.target as HTMLScriptElement | null;
    if (target && target.tagName === 'SCRIPT' && target.src) failed.push(target.src);
  };
  win.addEventListener('error', listener, true);
  return { failed, stop: () => win.removeEventListener('error', listener, true) };
}

function timeout<T>(ms: number, value: T): Promise<T> {
  return new Promise((resolve) => setTimeout(() => resolve(value), ms));
}

const STANDALONE = describeHost(null);

/** Finds out where the pane runs: loads Office when hosted by it; standalone otherwise or when Office fails. */
export async function startOffice(win: Window = window): Promise<OfficeStart> {
  if (!looksHostedByOffice(win)) return { host: STANDALONE, problem: null };
  const watch = watchFailedScripts(win);
  const fallback = 'The pane runs standalone on the sample data; reload the pane to try again.';
  try {
    const url = officeJsUrl(win.document);
    try {
      await loadScript(url, OFFICE_SCRIPT_TIMEOUT_MS, win.document);
    } catch (error) {
      return { host: STANDALONE, problem: `Office could not start: ${(error as Error).message} (offline, or blocked by a proxy?). ${fallback}` };
    }
    const office = (win as Window & { Office?: typeof Office }).Office;
    if (!office || typeof office.onReady !== 'function') {
      return { host: STANDALONE, problem: `Office could not start: ${url} loaded but defines no Office object. ${fallback}` };
    }
    const bundles = Promise.all(OFFICE_BUNDLES.map((src) => loadScript(src, OFFICE_SCRIPT_TIMEOUT_MS, win.document)));
    const ready = office.onReady().then((info) => describeHost(info as { host: unknown; platform: unknown }));
    const host = await Promise.race([ready, timeout(OFFICE_READY_TIMEOUT_MS, null)]);
    if (!host) {
      const files = watch.failed.length ? ` These files failed to load: ${watch.failed.join(', ')}.` : '';
      return {
        host: STANDALONE,
        problem: `Office did not answer within ${OFFICE_READY_TIMEOUT_MS / 1000} s: office.js loaded, but a file it needs did not.${files} ${fallback}`,
      };
    }
    try {
      await bundles;
    } catch (error) {
      return { host, problem: `The custom functions could not start: ${(error as Error).message}. The pane itself works.` };
    }
    return { host, problem: null };
  } finally {
    watch.stop();
  }
}
