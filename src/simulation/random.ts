/**
 * The random numbers of cpi-gap's Monte Carlo (internal): xoshiro128** streams derived from a seed
 * and a chunk index, and a 128-layer ziggurat for standard normals. Integer arithmetic only
 * (`Math.imul`, shifts), so a stream is the same bit for bit on every platform; the ziggurat's
 * tables and its rare slow path (about 1.2% of draws) use `Math.exp`, `Math.log` and `Math.sqrt`,
 * the only parts that depend on the JavaScript engine's maths library (V8 uses the same fdlibm port
 * on every platform).
 *
 * No imports: the worker thread loads this file too.
 */

/** The number of ziggurat layers. */
const LAYERS = 128;
/** Start of the tail, r, and the area of each layer, v (Marsaglia & Tsang 2000, 128 layers). */
const ZIG_R = 3.442619855899;
const ZIG_V = 9.91256303526217e-3;
/** The magnitude resolution: 24 bits plus a sign, drawn apart from the 7 layer bits. */
const M = 2 ** 24;
const U32 = 2 ** -32;

/** Ziggurat tables: acceptance bounds `kn` (integers), widths `wn` (per unit of the 24-bit draw), densities `fn`. */
export const KN = new Int32Array(LAYERS);
export const WN = new Float64Array(LAYERS);
export const FN = new Float64Array(LAYERS);
{
  let dn = ZIG_R;
  let tn = dn;
  const q = ZIG_V / Math.exp(-0.5 * dn * dn);
  KN[0] = Math.floor((dn / q) * M);
  KN[1] = 0;
  WN[0] = q / M;
  WN[LAYERS - 1] = dn / M;
  FN[0] = 1;
  FN[LAYERS - 1] = Math.exp(-0.5 * dn * dn);
  for (let i = LAYERS - 2; i >= 1; i -= 1) {
    dn = Math.sqrt(-2 * Math.log(ZIG_V / dn + Math.exp(-0.5 * dn * dn)));
    KN[i + 1] = Math.floor((dn / tn) * M);
    tn = dn;
    FN[i] = Math.exp(-0.5 * dn * dn);
    WN[i] = dn / M;
  }
}

/** lowbias32 (Wellons): a bijective 32-bit mixer. */
export function mix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A xoshiro128** generator (Blackman & Vigna) with a standard-normal method. The state is four
 * 32-bit words; `nextU32` returns an unsigned 32-bit integer.
 */
export class Stream {
  s0: number;
  s1: number;
  s2: number;
  s3: number;

  /**
   * The stream of chunk `chunk` for `seed` (an integer 0..2^53 - 1): the seed's two 32-bit halves
   * and the chunk index are hashed into the four state words with {@link mix32}.
   */
  constructor(seed: number, chunk: number) {
    const lo = seed >>> 0;
    const hi = Math.floor(seed / 2 ** 32) >>> 0;
    let x = (mix32(lo ^ 0x5bd1e995) ^ mix32((hi + 0x27d4eb2f) | 0) ^ Math.imul(chunk + 1, 0x9e3779b9)) | 0;
    x = mix32(x);
    this.s0 = mix32((x + 0x9e3779b9) | 0) | 0;
    this.s1 = mix32((x + 0x3c6ef372) | 0) | 0;
    this.s2 = mix32((x + 0xdaa66d2b) | 0) | 0;
    this.s3 = mix32((x + 0x78dde6e4) | 0) | 0;
    // Never the all-zero state (xoshiro's one fixed point): mix32 is a bijection with mix32(0) = 0,
    // and the four inputs differ, so at most one of the four words is 0.
  }

  /** The next 32 bits, as a signed integer. */
  nextI32(): number {
    const s1 = this.s1;
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9);
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 = s1 ^ this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    const s3 = this.s3;
    this.s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  }

  /** The next 32 bits, unsigned. */
  nextU32(): number {
    return this.nextI32() >>> 0;
  }

  /** A uniform number in the open interval (0, 1). */
  uniform(): number {
    return ((this.nextI32() >>> 0) + 0.5) * U32;
  }

  /** A uniform integer 0..n-1 (n <= 2^21: exact multiply-high, bias below n / 2^32). */
  index(n: number): number {
    return Math.floor((this.nextI32() >>> 0) * n * U32);
  }

  /**
   * A standard normal draw: one 32-bit word gives the layer (its low 7 bits) and a signed 25-bit
   * magnitude (the other 25 bits), so the layer and the value never share bits.
   */
  normal(): number {
    const a = this.nextI32();
    const hz = a >> 7;
    const iz = a & 127;
    if (Math.abs(hz) < (KN[iz] as number)) return hz * (WN[iz] as number);
    this.normalSlowInto(hz, iz, SCRATCH, 0);
    return SCRATCH[0] as number;
  }

  /**
   * Fill `out[0..count)` with standard normal draws, the same values as `count` calls of
   * {@link normal}. The hot loop of the simulation: the generator's state sits in locals and no
   * number is boxed, so the loop allocates nothing.
   */
  fillNormal(out: Float64Array, count: number): void {
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    for (let i = 0; i < count; i += 1) {
      const m = Math.imul(s1, 5);
      const a = Math.imul((m << 7) | (m >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
      const hz = a >> 7;
      const iz = a & 127;
      if (Math.abs(hz) < (KN[iz] as number)) {
        out[i] = hz * (WN[iz] as number);
      } else {
        this.s0 = s0;
        this.s1 = s1;
        this.s2 = s2;
        this.s3 = s3;
        this.normalSlowInto(hz, iz, out, i);
        s0 = this.s0;
        s1 = this.s1;
        s2 = this.s2;
        s3 = this.s3;
      }
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
  }

  /** The ziggurat's wedges and tail (Marsaglia & Tsang's `nfix`), written to `out[i]`. */
  normalSlowInto(hz0: number, iz0: number, out: Float64Array, i: number): void {
    let hz = hz0;
    let iz = iz0;
    for (;;) {
      const x = hz * (WN[iz] as number);
      if (iz === 0) {
        let t: number;
        let y: number;
        do {
          t = -Math.log(this.uniform()) / ZIG_R;
          y = -Math.log(this.uniform());
        } while (y + y < t * t);
        out[i] = hz > 0 ? ZIG_R + t : -ZIG_R - t;
        return;
      }
      const f1 = FN[iz] as number;
      const f0 = FN[iz - 1] as number;
      if (f1 + this.uniform() * (f0 - f1) < Math.exp(-0.5 * x * x)) {
        out[i] = x;
        return;
      }
      const a = this.nextI32();
      hz = a >> 7;
      iz = a & 127;
      if (Math.abs(hz) < (KN[iz] as number)) {
        out[i] = hz * (WN[iz] as number);
        return;
      }
    }
  }
}

const SCRATCH = new Float64Array(1);
