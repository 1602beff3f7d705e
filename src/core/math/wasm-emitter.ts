/**
 * A minimal WebAssembly binary emitter: enough of the format (LEB128 integers, a type, memory
 * import, function, export and code section, and the opcodes used, SIMD128 included) to build
 * small numeric kernels at run time without an assembler, `eval` or a download. The module is
 * compiled synchronously with `new WebAssembly.Module(bytes)`, which browsers allow on the main
 * thread for modules under 4 KB.
 *
 * Reference: WebAssembly Core Specification 2.0, chapter 5 "Binary Format" (W3C, 2022), and its
 * SIMD opcode table (§5.4.8).
 */

/** Unsigned LEB128 (u32). */
export function uleb128(value: number): number[] {
  const out: number[] = [];
  let v = value >>> 0;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

/** Signed LEB128 (i32). */
export function sleb128(value: number): number[] {
  const out: number[] = [];
  let v = value | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

/** Value types. */
export const ValType = { i32: 0x7f, i64: 0x7e, f64: 0x7c, v128: 0x7b } as const;
export type ValType = (typeof ValType)[keyof typeof ValType];

/** Single-byte opcodes used by the kernels (spec §5.4). */
export const Op = {
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  /** Block type of a block without results. */
  void: 0x40,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  i32Load: 0x28,
  f64Load: 0x2b,
  i32Store: 0x36,
  f64Store: 0x39,
  i32Const: 0x41,
  f64Const: 0x44,
  i32Ne: 0x47,
  i32LtU: 0x49,
  i32GeU: 0x4f,
  i32Add: 0x6a,
  i32Mul: 0x6c,
  i32Shl: 0x74,
  f64Add: 0xa0,
  i32WrapI64: 0xa7,
  drop: 0x1a,
  /** Prefix of the SIMD opcodes (followed by a LEB128 sub-opcode). */
  simd: 0xfd,
} as const;

/** SIMD128 sub-opcodes used by the kernels (spec §5.4.8). */
export const Simd = {
  v128Load: 0x00,
  v128Load64Splat: 0x0a,
  v128Store: 0x0b,
  v128Const: 0x0c,
  f64x2Splat: 0x14,
  i64x2ExtractLane: 0x1d,
  f64x2ExtractLane: 0x21,
  f64x2Lt: 0x49,
  v128Bitselect: 0x52,
  i64x2Add: 0xce,
  f64x2Add: 0xf0,
  f64x2Sub: 0xf1,
  f64x2Mul: 0xf2,
  /** Pseudo-minimum `b < a ? b : a`: one instruction on x86 and Arm, unlike `f64x2.min`. */
  f64x2Pmin: 0xf6,
} as const;

/** Bytes written little-endian (the Wasm encoding of constants), whatever the host's order. */
function littleEndian(size: number, write: (view: DataView) => void): Uint8Array {
  const view = new DataView(new ArrayBuffer(size));
  write(view);
  return new Uint8Array(view.buffer);
}

/** A function body under construction: chainable emitters for the instructions used. */
export class FunctionBody {
  readonly code: number[] = [];

  op(...bytes: number[]): this {
    for (const b of bytes) this.code.push(b);
    return this;
  }
  get(local: number): this {
    return this.op(Op.localGet, ...uleb128(local));
  }
  set(local: number): this {
    return this.op(Op.localSet, ...uleb128(local));
  }
  tee(local: number): this {
    return this.op(Op.localTee, ...uleb128(local));
  }
  i32(value: number): this {
    return this.op(Op.i32Const, ...sleb128(value));
  }
  f64(value: number): this {
    return this.op(Op.f64Const, ...littleEndian(8, (view) => view.setFloat64(0, value, true)));
  }
  /** A scalar load or store with its alignment (log2 bytes) and constant byte offset. */
  mem(opcode: number, alignLog2: number, offset: number): this {
    return this.op(opcode, ...uleb128(alignLog2), ...uleb128(offset));
  }
  simd(subOpcode: number, ...immediates: number[]): this {
    return this.op(Op.simd, ...uleb128(subOpcode), ...immediates);
  }
  simdMem(subOpcode: number, alignLog2: number, offset: number): this {
    return this.simd(subOpcode, ...uleb128(alignLog2), ...uleb128(offset));
  }
  /** v128.const of two f64 lanes. */
  f64x2(a: number, b: number): this {
    return this.simd(Simd.v128Const, ...littleEndian(16, (view) => (view.setFloat64(0, a, true), view.setFloat64(8, b, true))));
  }
  /** v128.const of two i64 lanes (small non-negative integers). */
  i64x2(a: number, b: number): this {
    return this.simd(Simd.v128Const, ...littleEndian(16, (view) => (view.setUint32(0, a, true), view.setUint32(8, b, true))));
  }
  /** local += delta (i32). */
  addTo(local: number, delta: number): this {
    return this.get(local).i32(delta).op(Op.i32Add).set(local);
  }
}

export interface FunctionSpec {
  name: string;
  params: ValType[];
  results: ValType[];
  /** Locals after the parameters, as [count, type] runs. */
  locals: [number, ValType][];
  body: FunctionBody;
}

function vector(items: number[][]): number[] {
  return [...uleb128(items.length), ...items.flat()];
}

function section(id: number, content: number[]): number[] {
  return [id, ...uleb128(content.length), ...content];
}

function name(text: string): number[] {
  return vector([...text].map((ch) => [ch.charCodeAt(0)]));
}

/**
 * The bytes of a module importing its memory as `env.memory` (at least one page) and exporting
 * the given functions under their names (one type per function, in order).
 */
export function moduleBytes(functions: readonly FunctionSpec[]): Uint8Array<ArrayBuffer> {
  const types = section(1, vector(functions.map((f) => [0x60, ...vector(f.params.map((t) => [t])), ...vector(f.results.map((t) => [t]))])));
  const imports = section(2, vector([[...name('env'), ...name('memory'), 0x02, 0x00, ...uleb128(1)]]));
  const declarations = section(3, vector(functions.map((_, i) => uleb128(i))));
  const exported = section(7, vector(functions.map((f, i) => [...name(f.name), 0x00, ...uleb128(i)])));
  const bodies = functions.map((f) => {
    const content = [...vector(f.locals.map(([count, type]) => [...uleb128(count), type])), ...f.body.code, Op.end];
    return [...uleb128(content.length), ...content];
  });
  const code = section(10, vector(bodies));
  return new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...types, ...imports, ...declarations, ...exported, ...code]);
}
