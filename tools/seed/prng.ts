/**
 * A small seeded PRNG (sfc32) plus a 32-bit integer hash, so every generated value is a pure function of the
 * seed and of where in time it is generated. No Math.random anywhere in the seeder.
 */

/** Mixes any number of 32-bit integers into one well-spread unsigned 32-bit value (murmur3-style finaliser). */
export function hashInts(...values: number[]): number {
  let h = 0x9e3779b9;
  for (const value of values) {
    // Split so that values above 2^32 (epoch minutes are fine, epoch ms are not) still contribute every bit.
    const low = value >>> 0;
    const high = Math.floor(value / 0x100000000) >>> 0;
    h = mix(h ^ low);
    h = mix(h ^ high);
  }
  return h >>> 0;
}

function mix(x: number): number {
  let h = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Stable numeric key for a text label, so labels can take part in `hashInts`. */
export function labelKey(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
}

const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const HEX_SCRATCH: number[] = [];

/**
 * sfc32 with helpers. Only additions, shifts and xors, and `| 0` instead of Math.floor: Math builtins (imul, floor…)
 * run an order of magnitude slower inside Jest's sandbox, and this generator draws several numbers per simulated
 * call. A class (methods on the prototype) because one is created per generated minute.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed | 0;
    // Warm up so that nearby seeds do not start with related outputs.
    for (let i = 0; i < 15; i++) {
      this.next();
    }
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Uniform integer in [0, maxExclusive), for maxExclusive up to 2^31. */
  int(maxExclusive: number): number {
    return (this.next() * maxExclusive) | 0;
  }

  /** Uniform number in [min, max). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** Picks an item with probability proportional to its weight. */
  weighted<T>(items: ReadonlyArray<{ weight: number; value: T }>): T {
    let total = 0;
    for (const item of items) {
      total += item.weight;
    }
    let target = this.next() * total;
    for (const item of items) {
      target -= item.weight;
      if (target < 0) {
        return item.value;
      }
    }
    return items[items.length - 1].value;
  }

  /** `length` lowercase hex digits. */
  hex(length: number): string {
    // Eight digits per draw, written as char codes and joined once: appending digit by digit would leave a rope of
    // tiny strings per id, which costs a lot of memory when a million records are kept.
    const codes = HEX_SCRATCH;
    codes.length = length;
    let bits = 0;
    for (let i = 0; i < length; i++) {
      if ((i & 7) === 0) {
        bits = (this.next() * 4294967296) >>> 0;
      }
      codes[i] = HEX_CODES[bits & 15];
      bits >>>= 4;
    }
    return String.fromCharCode.apply(null, codes);
  }

  /** Standard normal deviate (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Poisson-distributed count with mean `lambda`. */
  poisson(lambda: number): number {
    if (!(lambda > 0)) {
      return 0;
    }
    if (lambda < 30) {
      // Knuth: multiply uniforms until the product drops below e^-lambda.
      const limit = Math.exp(-lambda);
      let count = 0;
      let product = this.next();
      while (product > limit) {
        count++;
        product *= this.next();
      }
      return count;
    }
    return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
  }
}

export function createRng(seed: number): Rng {
  return new Rng(seed);
}
