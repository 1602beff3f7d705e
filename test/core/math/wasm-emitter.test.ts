import { FunctionBody, Op, Simd, ValType, moduleBytes, sleb128, uleb128 } from '../../../src/core/math/wasm-emitter.ts';
import { wasmSimdAvailable } from '../../../src/core/math/wasm-simd.ts';

describe('wasm emitter', () => {
  test('LEB128: the examples of the DWARF 4 standard (§7.6) and the i32 limits', () => {
    // DWARF Debugging Information Format v4, figures 22 and 23.
    expect(uleb128(2)).toEqual([2]);
    expect(uleb128(127)).toEqual([127]);
    expect(uleb128(128)).toEqual([0x80, 1]);
    expect(uleb128(129)).toEqual([0x81, 1]);
    expect(uleb128(12857)).toEqual([0xb9, 0x64]);
    expect(uleb128(0xffffffff)).toEqual([0xff, 0xff, 0xff, 0xff, 0x0f]);
    expect(sleb128(2)).toEqual([2]);
    expect(sleb128(-2)).toEqual([0x7e]);
    expect(sleb128(127)).toEqual([0xff, 0]);
    expect(sleb128(-127)).toEqual([0x81, 0x7f]);
    expect(sleb128(128)).toEqual([0x80, 1]);
    expect(sleb128(-128)).toEqual([0x80, 0x7f]);
    expect(sleb128(-2147483648)).toEqual([0x80, 0x80, 0x80, 0x80, 0x78]);
  });

  test('a hand-built module runs: f64x2 arithmetic and scalar memory access', () => {
    // sum(p) = Σ lanes of (a − b)·(a − b) with a = v128 at p, b = v128 at p + 16; also stores it at p + 32.
    const body = new FunctionBody()
      .get(0)
      .get(0).simdMem(Simd.v128Load, 4, 0).get(0).simdMem(Simd.v128Load, 4, 16).simd(Simd.f64x2Sub).tee(1).get(1).simd(Simd.f64x2Mul)
      .tee(1).simd(Simd.f64x2ExtractLane, 0).get(1).simd(Simd.f64x2ExtractLane, 1).op(Op.f64Add)
      .mem(Op.f64Store, 3, 32)
      .get(0).mem(Op.f64Load, 3, 32);
    const bytes = moduleBytes([{ name: 'sum', params: [ValType.i32], results: [ValType.f64], locals: [[1, ValType.v128]], body }]);
    expect(WebAssembly.validate(bytes)).toBe(true);
    const memory = new WebAssembly.Memory({ initial: 1 });
    new Float64Array(memory.buffer).set([1, 5, 4, 1]);
    const { sum } = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } }).exports as { sum: (p: number) => number };
    expect(sum(0)).toBe(9 + 16);
    expect(new Float64Array(memory.buffer)[4]).toBe(25);
  });

  test('SIMD is detected on this engine (the JSDoc example: true on Node 20)', () => {
    expect(wasmSimdAvailable()).toBe(true);
  });
});
