/**
 * Whether this JavaScript engine runs WebAssembly with the fixed-width SIMD proposal (f64x2):
 * Node 16.4+, Deno, Chrome 91+, Firefox 89+, Safari 16.4+. Checked once, by validating a tiny
 * module that uses f64x2.pmin; `WebAssembly` is an ECMAScript global, no host API.
 */
import { FunctionBody, Simd, Op, moduleBytes } from './wasm-emitter.ts';

let available: boolean | undefined;

/**
 * @returns true when `WebAssembly.validate` accepts a SIMD module (cached after the first call)
 * @example wasmSimdAvailable(); // => true on Node 20
 */
export function wasmSimdAvailable(): boolean {
  if (available === undefined) {
    available = false;
    try {
      if (typeof WebAssembly === 'object' && typeof WebAssembly.validate === 'function') {
        const body = new FunctionBody().f64x2(1, 2).f64x2(3, 4).simd(Simd.f64x2Pmin).op(Op.drop);
        available = WebAssembly.validate(moduleBytes([{ name: 'f', params: [], results: [], locals: [], body }]));
      }
    } catch {
      available = false;
    }
  }
  return available;
}
