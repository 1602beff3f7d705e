import {
  ALPHA_MIN, AVE_MIN, HTMT_MAX, HTMT_MAX_SIMILAR, RHO_A_MIN, RHO_C_MIN, VIF_MAX, qualityMark,
} from '../../../../src/core/satisfaction/pls-quality/thresholds.ts';

describe('quality thresholds', () => {
  test('the published cut-offs', () => {
    expect([ALPHA_MIN, RHO_A_MIN, RHO_C_MIN, AVE_MIN, HTMT_MAX, HTMT_MAX_SIMILAR, VIF_MAX]).toEqual([0.7, 0.7, 0.7, 0.5, 0.85, 0.9, 5]);
  });

  test('pass and warn at and around each cut-off', () => {
    expect(qualityMark('alpha', 0.7).status).toBe('pass');
    expect(qualityMark('alpha', 0.6959).status).toBe('warn');
    expect(qualityMark('rhoA', 0.69).status).toBe('warn');
    expect(qualityMark('rhoC', 0.83).status).toBe('pass');
    expect(qualityMark('ave', 0.5)).toEqual({ status: 'pass', rule: '≥ 0.5', source: 'Fornell & Larcker (1981)' });
    expect(qualityMark('ave', 0.49).status).toBe('warn');
    expect(qualityMark('htmt', 0.85).status).toBe('warn');
    expect(qualityMark('htmt', 0.87, { htmtMax: HTMT_MAX_SIMILAR })).toEqual({
      status: 'pass', rule: '< 0.9', source: 'Henseler, Ringle & Sarstedt (2015)',
    });
    expect(qualityMark('itemVif', 4.99).status).toBe('pass');
    expect(qualityMark('innerVif', 5).status).toBe('warn');
    expect(qualityMark('fornellLarcker', 0.1).status).toBe('pass');
    expect(qualityMark('fornellLarcker', -0.01).status).toBe('warn');
  });

  test('null: a lone predictor has no inner VIF (none); an unbounded item VIF warns', () => {
    expect(qualityMark('innerVif', null).status).toBe('none');
    expect(qualityMark('itemVif', null).status).toBe('warn');
    expect(qualityMark('htmt', Number.NaN).status).toBe('warn');
  });
});
