import * as z from 'zod/mini';
import { parseInput } from '../errors.js';

/**
 * P(|T| < t) for Student's t with an integer number of degrees of freedom, written with
 * theta = atan(t / sqrt(df)) as in Abramowitz & Stegun 26.7.3 (odd df) and 26.7.4 (even df): a
 * finite sum, exact up to floating point.
 */
function centralProbability(theta: number, df: number): number {
  const s = Math.sin(theta);
  const c2 = Math.cos(theta) ** 2;
  if (df % 2 === 0) {
    // sin(theta) * [1 + 1/2 cos^2 + (1*3)/(2*4) cos^4 + ... up to cos^(df-2)]
    let term = 1;
    let total = 1;
    for (let k = 2; k <= df - 2; k += 2) {
      term *= ((k - 1) / k) * c2;
      total += term;
    }
    return s * total;
  }
  // 2/pi * (theta + sin(theta) cos(theta) [1 + 2/3 cos^2 + (2*4)/(3*5) cos^4 + ... up to cos^(df-3)])
  if (df === 1) return (2 / Math.PI) * theta;
  let term = 1;
  let total = 1;
  for (let k = 2; k <= df - 3; k += 2) {
    term *= (k / (k + 1)) * c2;
    total += term;
  }
  return (2 / Math.PI) * (theta + s * Math.cos(theta) * total);
}

const Probability = z.number().check(z.gt(0), z.lt(1));
const DegreesOfFreedom = z.int().check(z.minimum(1), z.maximum(100_000));

/**
 * The quantile of Student's t distribution: the t with P(T <= t) = p, for `df` a whole number of
 * degrees of freedom (the residual df of a regression, n - 2). The CDF is the exact finite sum of
 * Abramowitz & Stegun 26.7.3-4; the quantile is found by bisection on atan(t / sqrt(df)) to
 * machine precision. O(df x 60).
 *
 * @throws {CpiGapError} when `p` is not strictly between 0 and 1 or `df` is not an integer 1..100000.
 * @example
 * tQuantile(0.95, 7).toFixed(6); // => '1.894579'
 * tQuantile(0.975, 1).toFixed(4); // => '12.7062'
 * tQuantile(0.5, 3); // => 0
 */
export function tQuantile(p: number, df: number): number {
  const prob = parseInput('tQuantile', Probability, p, ['p']);
  const nu = parseInput('tQuantile', DegreesOfFreedom, df, ['df']);
  if (prob === 0.5) return 0;
  const upper = prob > 0.5;
  const central = upper ? 2 * prob - 1 : 1 - 2 * prob;
  let lo = 0;
  let hi = Math.PI / 2;
  for (let i = 0; i < 200 && hi - lo > 1e-16; i += 1) {
    const mid = (lo + hi) / 2;
    if (centralProbability(mid, nu) < central) lo = mid;
    else hi = mid;
  }
  const t = Math.sqrt(nu) * Math.tan((lo + hi) / 2);
  return upper ? t : -t;
}
