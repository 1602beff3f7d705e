/**
 * The two hot loops of k-means as a WebAssembly SIMD module, specialized to d columns (the
 * column loop unrolled). Rows are stored "pair-blocked": rows 2p and 2p+1 share a block of
 * d × 16 bytes in which column j's two values are adjacent, so one f64x2 load fetches a column of
 * two rows, every column sits at a constant offset, and the pass reads one sequential stream.
 *
 * Both kernels compute each row's squared distance as the JS loops do — Σ_j (x_j − c_j)² added in
 * column order, no fused multiply-add — and sum in row order, so their results are bitwise those
 * of `_kmeansPlusPlus` and `_lloydPlain`.
 */
import { FunctionBody, type FunctionSpec, Op, Simd, ValType, moduleBytes } from '../math/wasm-emitter.ts';

/** Widest matrix the module is built for: at 32 columns it is about 3.6 KB, under browsers' 4 KB limit for synchronous compilation. */
export const KMEANS_WASM_MAX_COLUMNS = 32;

const { i32, f64, v128 } = ValType;

/**
 * `kpp(x, candidate, closest, trial, cumulative, n) → f64`, the k-means++ candidate pass: for
 * each row i, `trial[i] = min(‖x_i − candidate‖², closest[i])` and `cumulative[i]` = Σ_{r ≤ i}
 * trial[r] (added in row order); returns the total. `candidate` addresses a row's first
 * coordinate in the pair layout (its coordinates follow at a stride of 16 bytes). With an odd n
 * the padding slot of `closest` must hold 0, so that it adds exactly nothing.
 */
function candidatePass(d: number): FunctionSpec {
  const [X, CAND, CLOSEST, TRIAL, CUMUL, N, I, POT, E] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const C0 = 9; // d locals: candidate coordinate j in both lanes
  const b = new FunctionBody();
  for (let j = 0; j < d; j++) b.get(CAND).mem(Op.f64Load, 3, j * 16).simd(Simd.f64x2Splat).set(C0 + j);
  b.op(Op.block, Op.void, Op.loop, Op.void);
  b.get(I).get(N).op(Op.i32GeU, Op.brIf, 1);
  for (let j = 0; j < d; j++) {
    b.get(X).simdMem(Simd.v128Load, 4, j * 16).get(C0 + j).simd(Simd.f64x2Sub).tee(E).get(E).simd(Simd.f64x2Mul);
    if (j > 0) b.simd(Simd.f64x2Add);
  }
  b.get(CLOSEST).simdMem(Simd.v128Load, 4, 0).simd(Simd.f64x2Pmin).set(E);
  b.get(TRIAL).get(E).simdMem(Simd.v128Store, 4, 0);
  // Running total, lane by lane: the scalar sum in row order.
  for (const lane of [0, 1]) {
    b.get(CUMUL).get(POT).get(E).simd(Simd.f64x2ExtractLane, lane).op(Op.f64Add).tee(POT).mem(Op.f64Store, 3, lane * 8);
  }
  b.addTo(X, d * 16).addTo(CLOSEST, 16).addTo(TRIAL, 16).addTo(CUMUL, 16).addTo(I, 2);
  b.op(Op.br, 0, Op.end, Op.end);
  b.get(POT);
  return { name: 'kpp', params: [i32, i32, i32, i32, i32, i32], results: [f64], locals: [[1, i32], [1, f64], [1 + d, v128]], body: b };
}

/**
 * `assign(x, centers, k, labels, sums, counts, n) → i32`, one Lloyd assignment pass: labels each
 * row with its nearest of the k centres (row-major, k × d f64; the lowest index on ties), adds the
 * row to `sums[label]` (k × d f64) and 1 to `counts[label]` (k f64) in row order, and returns how
 * many labels changed.
 */
function assignPass(d: number): FunctionSpec {
  const [X, CENTERS, K, LABELS, SUMS, COUNTS, N] = [0, 1, 2, 3, 4, 5, 6];
  const [I, CHANGED, C, CP, LABEL, P] = [7, 8, 9, 10, 11, 12];
  const [BEST, BEST_C, C_INDEX, S, E, LESS] = [13, 14, 15, 16, 17, 18];
  const X0 = 19; // d locals: column j of the row pair
  const b = new FunctionBody();
  b.op(Op.block, Op.void, Op.loop, Op.void);
  b.get(I).get(N).op(Op.i32GeU, Op.brIf, 1);
  for (let j = 0; j < d; j++) b.get(X).simdMem(Simd.v128Load, 4, j * 16).set(X0 + j);
  b.f64x2(Infinity, Infinity).set(BEST).i64x2(0, 0).tee(BEST_C).set(C_INDEX);
  b.get(CENTERS).set(CP).i32(0).set(C);
  b.op(Op.loop, Op.void);
  for (let j = 0; j < d; j++) {
    b.get(X0 + j).get(CP).simdMem(Simd.v128Load64Splat, 3, j * 8).simd(Simd.f64x2Sub).tee(E).get(E).simd(Simd.f64x2Mul);
    if (j > 0) b.simd(Simd.f64x2Add);
  }
  // Branch-free running minimum per lane; strict < keeps the lower index on ties.
  b.tee(S).get(BEST).simd(Simd.f64x2Lt).set(LESS);
  b.get(BEST).get(S).simd(Simd.f64x2Pmin).set(BEST);
  b.get(C_INDEX).get(BEST_C).get(LESS).simd(Simd.v128Bitselect).set(BEST_C);
  b.get(C_INDEX).i64x2(1, 1).simd(Simd.i64x2Add).set(C_INDEX);
  b.addTo(CP, d * 8).addTo(C, 1);
  b.get(C).get(K).op(Op.i32LtU, Op.brIf, 0, Op.end);
  const scatter = (lane: number) => {
    b.get(BEST_C).simd(Simd.i64x2ExtractLane, lane).op(Op.i32WrapI64).set(LABEL);
    b.get(LABELS).mem(Op.i32Load, 2, lane * 4).get(LABEL).op(Op.i32Ne).get(CHANGED).op(Op.i32Add).set(CHANGED);
    b.get(LABELS).get(LABEL).mem(Op.i32Store, 2, lane * 4);
    b.get(COUNTS).get(LABEL).i32(3).op(Op.i32Shl).op(Op.i32Add).tee(P).get(P).mem(Op.f64Load, 3, 0).f64(1).op(Op.f64Add).mem(Op.f64Store, 3, 0);
    b.get(SUMS).get(LABEL).i32(d * 8).op(Op.i32Mul).op(Op.i32Add).set(P);
    for (let j = 0; j < d; j++) {
      b.get(P).get(P).mem(Op.f64Load, 3, j * 8).get(X0 + j).simd(Simd.f64x2ExtractLane, lane).op(Op.f64Add).mem(Op.f64Store, 3, j * 8);
    }
  };
  scatter(0);
  b.get(I).i32(1).op(Op.i32Add).get(N).op(Op.i32LtU, Op.if, Op.void); // no padding row
  scatter(1);
  b.op(Op.end);
  b.addTo(X, d * 16).addTo(LABELS, 8).addTo(I, 2);
  b.op(Op.br, 0, Op.end, Op.end);
  b.get(CHANGED);
  return { name: 'assign', params: [i32, i32, i32, i32, i32, i32, i32], results: [i32], locals: [[6, i32], [6 + d, v128]], body: b };
}

/** The module's bytes for d columns (1..KMEANS_WASM_MAX_COLUMNS); it imports `env.memory`. */
export function kmeansKernelBytes(d: number): Uint8Array<ArrayBuffer> {
  return moduleBytes([candidatePass(d), assignPass(d)]);
}
