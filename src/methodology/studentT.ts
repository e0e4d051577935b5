import { fail } from '../errors.js';

/**
 * Two-sided tail probability of Student's t distribution, P(|T| >= |t|) with `df` degrees of
 * freedom, through the regularised incomplete beta function: p = I_{df/(df+t^2)}(df/2, 1/2).
 * `t` may be infinite (p = 0). Accurate to about 1e-12 (continued fraction, Numerical Recipes 6.4). `df = Infinity` gives the
 * normal distribution's tail.
 *
 * @throws {CpiGapError} when `t` is NaN or `df` is not positive.
 * @example
 * studentTTwoSided(2.228138852, 10).toFixed(4); // => '0.0500'
 */
export function studentTTwoSided(t: number, df: number): number {
  // Two single rules (fail, not zod: zod's numbers refuse Infinity, which both may be).
  if (typeof t !== 'number' || Number.isNaN(t)) fail('studentTTwoSided', ['t'], 'expected a number (Infinity allowed)', t, 'custom');
  if (typeof df !== 'number' || !(df > 0)) fail('studentTTwoSided', ['df'], 'expected a number > 0 (Infinity allowed)', df, 'custom');
  return tTail(t, df);
}

/** {@link studentTTwoSided} without input validation, for callers that have validated already. */
export function tTail(t: number, df: number): number {
  const a = Math.abs(t);
  if (!Number.isFinite(df)) return erfc(a / Math.SQRT2);
  if (a === Infinity) return 0;
  return regularisedBeta(df / (df + a * a), df / 2, 0.5);
}

function logGamma(x: number): number {
  // Lanczos approximation (g = 7, n = 9).
  const c = [676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const y = x - 1;
  let s = 0.99999999999980993;
  c.forEach((ci, i) => {
    s += ci / (y + i + 1);
  });
  const t = y + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(s);
}

/** Lentz's guard (Numerical Recipes 6.4): a denominator within 1e-300 of 0 becomes 1e-300 (internal; exported for tests). */
export function awayFromZero(v: number): number {
  return Math.abs(v) < 1e-300 ? 1e-300 : v;
}

function betaContinuedFraction(x: number, a: number, b: number): number {
  let c = 1;
  let d = 1 / awayFromZero(1 - ((a + b) * x) / (a + 1));
  let h = d;
  for (let m = 1; m <= 300; m += 1) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 / awayFromZero(1 + aa * d);
    c = awayFromZero(1 + aa / c);
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 / awayFromZero(1 + aa * d);
    c = awayFromZero(1 + aa / c);
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return h;
}

/** I_x(a, b), the regularised incomplete beta function. */
function regularisedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaContinuedFraction(x, a, b)) / a : 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

/** Complementary error function for z >= 0, all tTail needs (Numerical Recipes erfcc, relative error < 1.2e-7). */
function erfc(z: number): number {
  const t = 1 / (1 + 0.5 * z);
  return t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
}
