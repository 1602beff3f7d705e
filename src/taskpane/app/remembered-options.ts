/**
 * The options and column mappings the user set, per view: kept when switching tabs and, per
 * workbook, across sessions (Office document settings in Excel, local storage standalone).
 *
 * A control is remembered by its `data-testid` once the user changes it (an `input` or `change`
 * event); values the pane fills in by itself are not. When a view is drawn again (other data, a
 * new session) the remembered values are put back, in page order, before its first run; a
 * remembered column that the new data does not have leaves the pane's guess in place. Controls in
 * the results area (follow-up inputs such as migration dates) are not remembered.
 */

/** One view's remembered controls: test id → value (a checkbox: its checked state). */
export type RememberedControls = Map<string, string | boolean>;

/** Where remembered options live between sessions: one JSON-able record per view. */
export interface OptionStore {
  load(): Map<string, [string, string | boolean][]>;
  save(view: string, controls: [string, string | boolean][]): void;
}

const SETTINGS_KEY = 'cvk.rememberedOptions';
/** Follow-up inputs in the results, and anything marked `data-remember="no"`, are not remembered. */
const NOT_REMEMBERED = '.results-area, [data-remember="no"]';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

function isControl(target: EventTarget | null): target is Control {
  return target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement;
}

function remembers(control: Control): boolean {
  if (!control.dataset.testid || control.closest(NOT_REMEMBERED)) return false;
  return !(control instanceof HTMLInputElement) || !['file', 'button', 'submit', 'reset', 'password'].includes(control.type);
}

function valueOf(control: Control): string | boolean {
  return control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio') ? control.checked : control.value;
}

/** Sets a control to a remembered value; false when it cannot hold it (a column the data lacks). */
function setControl(control: Control, value: string | boolean): boolean {
  if (typeof value === 'boolean') {
    if (!(control instanceof HTMLInputElement) || (control.type !== 'checkbox' && control.type !== 'radio')) return false;
    if (control.checked === value) return true;
    control.checked = value;
    return true;
  }
  if (control instanceof HTMLSelectElement && !Array.from(control.options).some((option) => option.value === value)) return false;
  if (control.value === value) return true;
  control.value = value;
  return true;
}

/** A JSON record of remembered controls as entries, dropping anything malformed. */
function entries(value: unknown): [string, string | boolean][] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (entry): entry is [string, string | boolean] =>
      Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string' && (typeof entry[1] === 'string' || typeof entry[1] === 'boolean'),
  );
}

/** Parses the stored JSON (an array of [view, entries]); anything else reads as nothing remembered. */
export function parseStored(text: unknown): Map<string, [string, string | boolean][]> {
  const out = new Map<string, [string, string | boolean][]>();
  if (typeof text !== 'string') return out;
  try {
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed)) return out;
    for (const item of parsed) {
      if (Array.isArray(item) && typeof item[0] === 'string') out.set(item[0], entries(item[1]));
    }
  } catch {
    // A damaged record: start afresh rather than stop the pane.
  }
  return out;
}

function storeFromText(read: () => unknown, write: (text: string) => void): OptionStore {
  let all = new Map<string, [string, string | boolean][]>();
  return {
    load() {
      try {
        all = parseStored(read());
      } catch {
        all = new Map();
      }
      return all;
    },
    save(view, controls) {
      all.set(view, controls);
      try {
        write(JSON.stringify([...all]));
      } catch {
        // Storage full or refused: remembered for this session only.
      }
    },
  };
}

/** Standalone: the browser's local storage (per site). */
export function localStorageStore(storage: Pick<Storage, 'getItem' | 'setItem'> | undefined): OptionStore {
  return storeFromText(
    () => storage?.getItem(SETTINGS_KEY),
    (text) => storage?.setItem(SETTINGS_KEY, text),
  );
}

/** In Excel: the workbook's own settings (saved with the workbook, so per workbook). */
export function documentSettingsStore(settings: Pick<Office.Settings, 'get' | 'set' | 'saveAsync'> | undefined): OptionStore {
  return storeFromText(
    () => settings?.get(SETTINGS_KEY),
    (text) => {
      if (!settings) return;
      settings.set(SETTINGS_KEY, text);
      settings.saveAsync(() => undefined);
    },
  );
}

export interface RememberedOptions {
  /** Puts the view's remembered values back into the controls under `root`. */
  restore(view: string, root: HTMLElement): void;
  /** Starts remembering what the user changes under `root`, for whichever view `current()` names. */
  watch(root: HTMLElement, current: () => string): void;
}

export function rememberedOptions(store: OptionStore): RememberedOptions {
  const byView = new Map<string, RememberedControls>();
  /** Set while restoring: the change events restore sends are not the user's. */
  let restoring = false;
  for (const [view, controls] of store.load()) byView.set(view, new Map(controls));

  return {
    restore(view, root) {
      const remembered = byView.get(view);
      if (!remembered || remembered.size === 0) return;
      // Page order, one at a time: a restored "Compare by" refills the group lists after it, a
      // restored construct redraws the path grid; the next pass reaches controls drawn anew.
      for (let pass = 0; pass < 3; pass++) {
        let changed = false;
        for (const control of Array.from(root.querySelectorAll<Control>('input, select, textarea'))) {
          if (!control.isConnected || !remembers(control)) continue;
          const value = remembered.get(control.dataset.testid!);
          if (value === undefined) continue;
          const before = valueOf(control);
          if (!setControl(control, value) || before === value) continue;
          changed = true;
          restoring = true;
          try {
            control.dispatchEvent(new Event('change', { bubbles: true }));
          } finally {
            restoring = false;
          }
        }
        if (!changed) return;
      }
    },
    watch(root, current) {
      // Typing saves once it pauses (document settings are saved with the workbook); a change saves at once.
      const pending = new Map<string, ReturnType<typeof setTimeout>>();
      const save = (view: string) => {
        clearTimeout(pending.get(view));
        pending.delete(view);
        store.save(view, [...(byView.get(view) ?? [])]);
      };
      const note = (event: Event) => {
        const control = event.target;
        if (restoring || !isControl(control) || !remembers(control)) return;
        const view = current();
        const remembered = byView.get(view) ?? new Map<string, string | boolean>();
        remembered.set(control.dataset.testid!, valueOf(control));
        byView.set(view, remembered);
        if (event.type === 'change') save(view);
        else {
          clearTimeout(pending.get(view));
          pending.set(view, setTimeout(() => save(view), 400));
        }
      };
      root.addEventListener('input', note);
      root.addEventListener('change', note);
    },
  };
}
