/**
 * Random-key fluctuation for the rate model (issue 13). With random (or Zipf) keys each record picks
 * its shard independently, so the records a shard gets in one second are Binomial(n, w): mean λ,
 * variance n·w·(1 − w). A shard that takes C records a second then accepts E[min(X, C)], which near
 * C is less than min(λ, C): at exactly 100 % load √λ·φ(0) ≈ 1.26 % of 1,000 rec/s are refused.
 * The record model shows this by itself; the rate model, which spreads expected values, adds it
 * here (normal approximation of X), so the two agree at every load.
 */

/** Beyond this many standard deviations from the cap the correction is below 10⁻¹⁴: skipped. */
const Z_LIMIT = 8;

/**
 * E[min(X, cap)] for X ≈ Normal(lambda, variance), or -1 when X is (practically) never on the
 * other side of `cap` (the plain min(λ, cap) is then exact).
 */
export function expectedAccepted(lambda: number, variance: number, cap: number): number {
  if (variance <= 0) return -1;
  const sd = Math.sqrt(variance);
  const z = (cap - lambda) / sd;
  if (z > Z_LIMIT || z < -Z_LIMIT) return -1;
  // E[(X − cap)+] = (λ − cap)·Φ(−z) + sd·φ(z)
  const overflow = (lambda - cap) * normalCdf(-z) + sd * normalPdf(z);
  return Math.max(0, lambda - overflow);
}

function normalPdf(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}

/** Φ(z) by Abramowitz & Stegun 7.1.26 (|error| < 1.5 × 10⁻⁷). */
function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
}
