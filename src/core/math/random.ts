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
