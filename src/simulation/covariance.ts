/**
 * Covariance helpers of the correlated model (internal): the sample covariance, its shrinkage
 * towards the diagonal, and a Cholesky factor that tolerates semi-definite matrices. Matrices are
 * square and rows rectangular (built by modelParameters), so every read below is in range.
 */

/** A covariance estimate: the sample matrix, the shrunk matrix and the intensity used. */
export interface ShrunkCovariance {
  /** Unbiased (n - 1) sample covariance. */
  readonly sample: number[][];
  /** `(1 - lambda) * sample` off the diagonal, the sample variances on it. */
  readonly shrunk: number[][];
  /** The shrinkage intensity lambda in 0..1 (1: no correlation left). */
  readonly lambda: number;
}

/**
 * Shrink the sample covariance of `rows` (T observations x p variables, T >= 2) towards its own
 * diagonal: Ledoit-Wolf-type linear shrinkage with the diagonal, unequal-variance target ("target
 * D") and the analytic intensity of Schafer & Strimmer (2005):
 *
 *   lambda = sum_{i != j} Var(s_ij) / sum_{i != j} s_ij^2, clipped to 0..1, with
 *   Var(s_ij) = T / (T - 1)^3 * sum_t (w_tij - mean_t w_ij)^2, w_tij = (x_ti - mean_i)(x_tj - mean_j).
 *
 * The diagonal keeps each source's own sample variance, so lambda = 1 gives back the independent
 * random walk. When every sample covariance off the diagonal is 0, lambda is 1. `lambda` overrides
 * the estimate when given.
 */
export function shrinkCovariance(rows: readonly (readonly number[])[], lambda?: number): ShrunkCovariance {
  const t = rows.length;
  const p = rows[0]?.length ?? 0;
  const mean = new Array<number>(p).fill(0);
  for (const row of rows) row.forEach((v, i) => { mean[i] = (mean[i] as number) + v / t; });
  const centred = rows.map((row) => row.map((v, i) => v - (mean[i] as number)));
  const sample: number[][] = [];
  let num = 0;
  let den = 0;
  for (let i = 0; i < p; i += 1) {
    const line: number[] = [];
    for (let j = 0; j < p; j += 1) {
      const w = centred.map((c) => (c[i] as number) * (c[j] as number));
      const wBar = w.reduce((a, b) => a + b, 0) / t;
      const s = (t / (t - 1)) * wBar;
      line.push(s);
      if (i !== j) {
        num += (t / (t - 1) ** 3) * w.reduce((a, b) => a + (b - wBar) ** 2, 0);
        den += s * s;
      }
    }
    sample.push(line);
  }
  const estimated = den > 0 ? Math.min(1, Math.max(0, num / den)) : 1;
  const used = lambda ?? estimated;
  const shrunk = sample.map((line, i) => line.map((s, j) => (i === j ? s : (1 - used) * s)));
  return { sample, shrunk, lambda: used };
}

/**
 * The lower Cholesky factor L (L L' = a) of a symmetric positive semi-definite matrix, row-major
 * in a Float64Array. A pivot at or below 1e-12 of its diagonal entry (a source that never moved,
 * or a dependent combination) gets a zero column, so semi-definite matrices factor too. O(p^3).
 */
export function cholesky(a: readonly (readonly number[])[]): Float64Array {
  const p = a.length;
  const l = new Float64Array(p * p);
  for (let j = 0; j < p; j += 1) {
    const aj = a[j] as readonly number[];
    const ajj = aj[j] as number;
    let d = ajj;
    for (let k = 0; k < j; k += 1) d -= (l[j * p + k] as number) ** 2;
    if (d <= 1e-12 * Math.max(ajj, Number.MIN_VALUE)) continue;
    const ljj = Math.sqrt(d);
    l[j * p + j] = ljj;
    for (let i = j + 1; i < p; i += 1) {
      let s = (a[i] as readonly number[])[j] as number;
      for (let k = 0; k < j; k += 1) s -= (l[i * p + k] as number) * (l[j * p + k] as number);
      l[i * p + j] = s / ljj;
    }
  }
  return l;
}
