/** A source of numbers in [0, 1) that repeats for a seed (Math.random cannot be seeded). */
export type Rng = () => number;

/** mulberry32: small and fast, good enough for generated demo and benchmark data and for property tests. */
export function rngOf(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
