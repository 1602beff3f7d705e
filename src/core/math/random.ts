/**
 * Seeded pseudo-random numbers, so that k-means starts, bootstraps and benchmark data are the
 * same on every run and machine. mulberry32: a 32-bit generator, fast and good enough for
 * sampling (not for cryptography).
 *
 * @param seed any integer
 * @returns a function giving uniform numbers in [0, 1)
 * @example const next = seededRandom(42); next(); // => 0.6011037519201636
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Standard normal draws from a uniform generator (Box–Muller).
 *
 * @param random a uniform generator such as `seededRandom(seed)`
 * @returns a function giving N(0, 1) draws
 */
export function seededNormal(random: () => number): () => number {
  return () => {
    const u = 1 - random(); // (0, 1]: log stays finite
    const v = random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
}

/**
 * Gamma(shape, rate) draws from a uniform generator: Marsaglia & Tsang's squeeze for shape ≥ 1,
 * and the U^(1/k) boost (draw at shape + 1, multiply by U^(1/shape)) below 1.
 *
 * Reference: Marsaglia & Tsang (2000), "A simple method for generating gamma variables", ACM
 * TOMS 26(3). O(1) expected per draw.
 *
 * @param random a uniform generator such as `seededRandom(seed)`
 * @returns a function (shape, rate) giving Gamma draws with mean shape/rate
 * @example seededGamma(seededRandom(1))(2, 4); // a draw with mean 0.5
 */
export function seededGamma(random: () => number): (shape: number, rate: number) => number {
  const normal = seededNormal(random);
  const sample = (shape: number, rate: number): number => {
    if (shape < 1) return sample(shape + 1, rate) * Math.pow(1 - random(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = 1 - random();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return (d * v) / rate;
    }
  };
  return sample;
}
