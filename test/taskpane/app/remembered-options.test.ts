/**
 * The stores behind remembered options: local storage standalone, Office document settings in
 * Excel (office-addin-mock), both round-tripping per view and surviving damaged records. The
 * controls themselves are checked in the browser (test/e2e/pane-files, pane-excel-remembers).
 */
import { OfficeMockObject } from 'office-addin-mock';
import { documentSettingsStore, localStorageStore, parseStored } from '../../../src/taskpane/app/remembered-options.ts';

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value), items };
}

test('local storage: per view, read back by a new session', () => {
  const storage = memoryStorage();
  const first = localStorageStore(storage);
  expect(first.load().size).toBe(0);
  first.save('segments', [['k', '6'], ['ties', 'dense'], ['log-scale', false]]);
  first.save('__proto__', [['map-customer', 'constructor']]);
  const again = localStorageStore(storage).load();
  expect(again.get('segments')).toEqual([['k', '6'], ['ties', 'dense'], ['log-scale', false]]);
  expect(again.get('__proto__')).toEqual([['map-customer', 'constructor']]);
});

test('Office document settings: set, then saveAsync; a workbook opened again reads them', () => {
  const saved: Record<string, unknown> = {};
  const mock = new OfficeMockObject({
    get: (name: string) => (name in saved ? saved[name] : null),
    set: (name: string, value: unknown) => void (saved[name] = value),
    saveAsync: jest.fn(),
  });
  const settings = mock as unknown as Pick<Office.Settings, 'get' | 'set' | 'saveAsync'>;
  documentSettingsStore(settings).save('lifetime', [['months', '24']]);
  expect(settings.saveAsync).toHaveBeenCalledTimes(1);
  expect(documentSettingsStore(settings).load().get('lifetime')).toEqual([['months', '24']]);
});

test('no storage, refused storage and damaged records: nothing remembered, no crash', () => {
  expect(localStorageStore(undefined).load().size).toBe(0);
  const refusing = { getItem: () => { throw new Error('SecurityError'); }, setItem: () => { throw new Error('QuotaExceededError'); } };
  const store = localStorageStore(refusing);
  expect(store.load().size).toBe(0);
  expect(() => store.save('segments', [['k', '6']])).not.toThrow();
  expect(parseStored('{not json').size).toBe(0);
  expect(parseStored('{"segments": 1}').size).toBe(0);
  expect(parseStored(JSON.stringify([['segments', [['k', '6'], ['bad', 3], 'x']]])).get('segments')).toEqual([['k', '6']]);
});
