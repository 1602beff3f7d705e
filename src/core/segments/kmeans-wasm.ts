/**
 * k-means with its two hot loops in WebAssembly SIMD (`kmeans-kernels.ts`): the greedy k-means++
 * candidate pass and the Lloyd assignment pass, each over two rows per f64x2 lane pair. The
 * algorithm around them (draws, binary search, empty clusters, centre update, stopping) is the
 * JS one, step for step, so a fit is bitwise the fit of `_kmeansPlusPlus` + `_lloydPlain` — same
 * centres, labels, iterations and inertia — and has the labels of the Hamerly-bounded `_lloyd`
 * that the JS path uses. Plain passes rather than bounds: a full SIMD pass (≈ 0.9 ms for
 * 100,000 rows × 5 columns × 5 centres on the benchmark machine) costs less than the JS bounded
 * pass does, even once the bounds skip most rows.
 */
import type { MatrixFit } from './kmeans.ts';
import { KMEANS_WASM_MAX_COLUMNS, kmeansKernelBytes } from './kmeans-kernels.ts';
import { drawRow, inertiaOf, moveCenters, relocateEmpty } from './kmeans-steps.ts';
import { wasmSimdAvailable } from '../math/wasm-simd.ts';

/**
 * One WebAssembly memory for every fit, grown as needed and kept: allocating a fresh one per fit
 * left several ~10 MB buffers waiting for the garbage collector when fits come in series (nInit
 * starts, chooseK, re-clustering in the pane). The price is that the largest size used stays
 * reserved. Instances, one per column count, all import it.
 */
let sharedMemory: WebAssembly.Memory | undefined;
const instances = new Map<number, Kernels>();
/** Bumped by every `kmeansWasm` call: a fit's steps refuse to run once a later fit owns the memory. */
let generation = 0;

/** Largest memory asked for: beyond it the JS path is used (its own arrays are smaller). */
const MAX_BYTES = 1 << 30;

interface Kernels {
  kpp(x: number, candidate: number, closest: number, trial: number, cumulative: number, n: number): number;
  assign(x: number, centers: number, k: number, labels: number, sums: number, counts: number, n: number): number;
}

/** k-means++ and Lloyd on one matrix, for as many starts as wanted. */
export interface KMeansWasm {
  /** As `_kmeansPlusPlus(X, n, d, k, random)`, same draws, same centres. */
  kmeansPlusPlus(random: () => number): Float64Array;
  /** As `_lloydPlain(X, n, d, k, init, maxIterations, toleranceAbs)`, bitwise. */
  lloyd(init: Float64Array, maxIterations: number, toleranceAbs: number): MatrixFit;
}

/**
 * Copies the row-major matrix X (n × d) into WebAssembly memory and returns the accelerated
 * k-means steps for k clusters, or undefined where WebAssembly SIMD is unavailable, d exceeds
 * KMEANS_WASM_MAX_COLUMNS or the memory cannot be had — the caller then uses the JS loops.
 */
export function kmeansWasm(X: Float64Array, n: number, d: number, k: number): KMeansWasm | undefined {
  if (n < 1 || d < 1 || d > KMEANS_WASM_MAX_COLUMNS || k < 1 || !wasmSimdAvailable()) return undefined;
  const pairs = (n + 1) >> 1;
  let bytes = 0;
  const take = (size: number): number => {
    const at = bytes;
    bytes += (size + 15) & ~15; // every block 16-byte aligned
    return at;
  };
  const xAt = take(pairs * d * 16);
  // Three per-row vectors (closest, the current trial, the best trial so far), each with the
  // running sum of its values: the k-means++ passes swap them around.
  const vectorAt = [0, 1, 2].map(() => [take(pairs * 16), take(pairs * 16)] as const);
  const labelsAt = take(pairs * 8);
  const centersAt = take(k * d * 8);
  const sumsAt = take(k * d * 8);
  const countsAt = take(k * 8);
  if (bytes > MAX_BYTES) return undefined;
  let memory: WebAssembly.Memory;
  let kernels: Kernels;
  try {
    const pages = Math.ceil(bytes / 65536);
    sharedMemory ??= new WebAssembly.Memory({ initial: pages });
    const have = sharedMemory.buffer.byteLength / 65536;
    if (have < pages) sharedMemory.grow(pages - have);
    memory = sharedMemory;
    let instance = instances.get(d);
    if (instance === undefined) {
      const module = new WebAssembly.Module(kmeansKernelBytes(d));
      instance = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as Kernels;
      instances.set(d, instance);
    }
    kernels = instance;
  } catch {
    return undefined;
  }
  const mine = ++generation;
  const own = () => {
    if (generation !== mine) throw new Error('kmeansWasm: a later fit has taken the shared memory');
  };
  const heap = new Float64Array(memory.buffer);
  // Pair-blocked copy: row i, column j at pair i >> 1, slot 2j + (i & 1). The padding slot of an
  // odd n stays 0.
  for (let i = 0, at = xAt >> 3; i < n; i++) {
    const o = at + (i >> 1) * 2 * d + (i & 1);
    const a = i * d;
    for (let j = 0; j < d; j++) heap[o + 2 * j] = X[a + j];
  }
  /** Byte address of row i's first coordinate. */
  const rowAt = (i: number) => xAt + (i >> 1) * d * 16 + (i & 1) * 8;
  const centers = new Float64Array(memory.buffer, centersAt, k * d);
  const sums = new Float64Array(memory.buffer, sumsAt, k * d);
  const counts = new Float64Array(memory.buffer, countsAt, k);
  const labels = new Int32Array(memory.buffer, labelsAt, n);

  function kmeansPlusPlus(random: () => number): Float64Array {
    own();
    const out = new Float64Array(k * d);
    const trials = 2 + Math.floor(Math.log(k));
    const first = Math.min(n - 1, Math.floor(random() * n));
    out.set(X.subarray(first * d, first * d + d), 0);
    let [closest, trial, best] = vectorAt;
    // closest = +∞ (min(s, ∞) = s) gives the first centre's distances and their running sum; the
    // padding slot is 0 so that it adds exactly 0.
    heap.fill(Infinity, closest[0] >> 3, (closest[0] >> 3) + n);
    heap[(closest[0] >> 3) + n] = 0;
    let pot = kernels.kpp(xAt, rowAt(first), closest[0], trial[0], trial[1], n);
    [closest, trial] = [trial, closest];
    for (let c = 1; c < k; c++) {
      const cumulative = closest[1] >> 3;
      let bestPot = Infinity;
      let bestId = 0;
      for (let t = 0; t < trials; t++) {
        const id = drawRow(heap, cumulative, n, random() * pot);
        const candidatePot = kernels.kpp(xAt, rowAt(id), closest[0], trial[0], trial[1], n);
        if (candidatePot < bestPot) {
          bestPot = candidatePot;
          bestId = id;
          [best, trial] = [trial, best];
        }
      }
      [closest, best] = [best, closest];
      pot = bestPot;
      out.set(X.subarray(bestId * d, bestId * d + d), c * d);
    }
    return out;
  }

  function lloyd(init: Float64Array, maxIterations: number, toleranceAbs: number): MatrixFit {
    own();
    centers.set(init);
    labels.fill(-1);
    let iterations = 0;
    let strict = false;
    let converged = false;
    for (let it = 0; it < maxIterations; it++) {
      iterations = it + 1;
      sums.fill(0);
      counts.fill(0);
      const changed = kernels.assign(xAt, centersAt, k, labelsAt, sumsAt, countsAt, n);
      relocateEmpty(X, n, d, k, centers, sums, counts, labels);
      const shift = moveCenters(centers, sums, counts, k, d, centers); // in place, as _lloydPlain's update
      if (changed === 0) {
        strict = true;
        converged = true;
        break;
      }
      if (shift <= toleranceAbs) {
        converged = true;
        break;
      }
    }
    // Unless the labels were stable, relabel against the final centres so labels and centres agree.
    if (!strict) kernels.assign(xAt, centersAt, k, labelsAt, sumsAt, countsAt, n);
    const fit = { labels: labels.slice(), centers: centers.slice() };
    return { ...fit, inertia: inertiaOf(X, n, d, fit.centers, fit.labels), iterations, converged };
  }

  return { kmeansPlusPlus, lloyd };
}
