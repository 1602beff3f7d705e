import * as core from '../../src/core/index.ts';

describe('public API: satisfaction & value basics', () => {
  test('the names of DESIGN.md are exported as functions', () => {
    for (const name of [
      'InputError',
      'isInputError',
      'sum',
      'quantileSorted',
      'seededRandom',
      'csi',
      'csiItems',
      'nps',
      'npsBreakdown',
      'loyaltyIndex',
      'qualityLevel',
      'priceLevel',
      'relativeRatio',
      'performanceRatios',
      'relativePrice',
      'valueMap',
      'clv',
      'valueMapChart',
    ]) {
      expect(typeof (core as Record<string, unknown>)[name]).toBe('function');
    }
  });

  test('an InputError from the core is recognised by isInputError', () => {
    let caught: unknown;
    try {
      core.csi([]);
    } catch (error) {
      caught = error;
    }
    expect(core.isInputError(caught)).toBe(true);
  });
});
