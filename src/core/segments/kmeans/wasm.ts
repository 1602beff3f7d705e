/**
 * k-means with its two hot loops in WebAssembly SIMD (`kernels.wat`, assembled into
 * `kernels-bytes.ts`): the greedy k-means++ candidate pass and the Lloyd assignment pass, each
 * over two rows per f64x2 lane pair. The algorithm around them (draws, binary search, empty
 * clusters, centre update, stopping) is the JS one, step for step (`steps.ts`), so a fit is
 * bitwise the fit of `_kmeansPlusPlus` + `_lloyd` — same centres, labels, iterations and
 * inertia. Measured on the 100,000 × 5, k = 5 benchmark data (CPU time of one start and 20
 * iterations): 28 ms here against 145 ms for the JS reference loop and 66 ms for the
 * Hamerly-bounded JS loop this kit had before, so the JS loop is the fallback only.
 */
import { KMEANS_KERNEL_BYTES } from './kernels-bytes.ts';
import { drawRow, inertiaOf, moveCenters, relocateEmpty } from './steps.ts';
import type { MatrixFit } from './types.ts';

/**
 * One WebAssembly memory for every fit, grown as needed and kept: allocating a fresh one per fit
 * left several ~10 MB buffers waiting for the garbage collector when fits come in series (nInit
 * starts, chooseK, re-clustering in the pane). The price is that the largest size used stays
 * reserved. The one instance of the kernels imports it.
 */
let sharedMemory: WebAssembly.Memory | undefined;
let instance: Kernels | undefined;
/** Whether the engine accepts the kernels (WebAssembly with SIMD); checked once. */
let supported: boolean | undefined;
/** Bumped by every `kmeansWasm` call: a fit's steps refuse to run once a later fit owns the memory. */
let generation = 0;

/** Largest memory asked for: beyond it the JS path is used (its own arrays are smaller). */
const MAX_BYTES = 1 << 30;

/** The exports of kernels.wat (byte addresses into the shared memory; see there). */
interface Kernels {
  kpp(x: number, candidate: number, closest: number, trial: number, cumulative: number, n: number, d: number): number;
  assign(x: number, centers: number, k: number, labels: number, sums: number, counts: number, n: number, d: number): number;
}

/**
 * Whether WebAssembly with fixed-width SIMD runs here (Node 16.4+, Deno, Chrome 91+, Firefox 89+,
 * Safari 16.4+): the kernels themselves validate. `WebAssembly` is an ECMAScript global, no host API.
 */
export function kmeansWasmAvailable(): boolean {
  if (supported === undefined) {
    try {
      supported = typeof WebAssembly === 'object' && WebAssembly.validate(KMEANS_KERNEL_BYTES);
    } catch {
      supported = false;
    }
  }
  return supported;
}

/** k-means++ and Lloyd on one matrix, for as many starts as wanted. */
export interface KMeansWasm {
  /** As `_kmeansPlusPlus(X, n, d, k, random)`, same draws, same centres. */
  kmeansPlusPlus(random: () => number): Float64Array;
  /** As `_lloyd(X, n, d, k, init, maxIterations, toleranceAbs)`, bitwise. */
  lloyd(init: Float64Array, maxIterations: number, toleranceAbs: number): MatrixFit;
}

/**
 * Pair-blocked copy of the row-major X into `heap` from index `at`: row i, column j at pair
 * i >> 1, slot 2j + (i & 1). The padding slot of an odd n is set to 0. A function of its own:
 * inlined in `kmeansWasm`, V8 compiled the loop on stack replacement and discarded that code at
 * every call (a deoptimization per fit, the copy run unoptimized).
 */
function copyPairBlocked(X: Float64Array, n: number, d: number, heap: Float64Array, at: number): void {
  for (let i = 0; i < n; i++) {
    const o = at + (i >> 1) * 2 * d + (i & 1);
    const a = i * d;
    for (let j = 0; j < d; j++) heap[o + 2 * j] = X[a + j];
  }
  if (n & 1) {
    const o = at + (n >> 1) * 2 * d + 1;
    for (let j = 0; j < d; j++) heap[o + 2 * j] = 0;
  }
}

/**
 * Copies the row-major matrix X (n × d) into WebAssembly memory and returns the accelerated
 * k-means steps for k clusters, or undefined where WebAssembly SIMD is unavailable or the memory
 * cannot be had — the caller then uses the JS loops.
 */
export function kmeansWasm(X: Float64Array, n: number, d: number, k: number): KMeansWasm | undefined {
  if (n < 1 || d < 1 || k < 1 || !kmeansWasmAvailable()) return undefined;
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
    instance ??= new WebAssembly.Instance(new WebAssembly.Module(KMEANS_KERNEL_BYTES), { env: { memory } }).exports as unknown as Kernels;
    kernels = instance;
  } catch {
    return undefined;
  }
  const mine = ++generation;
  const own = () => {
    // An internal invariant, not bad input (so a plain Error, not an InputError): a handle used after a later fit.
    if (generation !== mine) throw new Error('kmeansWasm: a later fit has taken the shared memory');
  };
  const heap = new Float64Array(memory.buffer);
  copyPairBlocked(X, n, d, heap, xAt >> 3);
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
    let pot = kernels.kpp(xAt, rowAt(first), closest[0], trial[0], trial[1], n, d);
    [closest, trial] = [trial, closest];
    for (let c = 1; c < k; c++) {
      const cumulative = closest[1] >> 3;
      let bestPot = Infinity;
      let bestId = 0;
      for (let t = 0; t < trials; t++) {
        const id = drawRow(heap, cumulative, n, random() * pot);
        const candidatePot = kernels.kpp(xAt, rowAt(id), closest[0], trial[0], trial[1], n, d);
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
      const changed = kernels.assign(xAt, centersAt, k, labelsAt, sumsAt, countsAt, n, d);
      relocateEmpty(X, n, d, k, centers, sums, counts, labels);
      const shift = moveCenters(centers, sums, counts, k, d, centers); // in place: the values of _lloyd's update
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
    if (!strict) kernels.assign(xAt, centersAt, k, labelsAt, sumsAt, countsAt, n, d);
    const fit = { labels: labels.slice(), centers: centers.slice() };
    return { ...fit, inertia: inertiaOf(X, n, d, fit.centers, fit.labels), iterations, converged };
  }

  return { kmeansPlusPlus, lloyd };
}
