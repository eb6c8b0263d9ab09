/**
 * Rounding and printing of percentages the way the seeds print them ("上升33.33%",
 * "下降6.5%", "增长140%"): half away from zero, trailing zeros dropped.
 *
 * Why exact: a ratio is computed as (a × 100) / b — one correctly rounded division — and
 * then rounded on its shortest decimal form (what String(x) prints), not by Math.round on a
 * scaled float. So 1.005 rounds to 1.01 as a person would expect, where
 * Math.round(1.005 × 100) / 100 gives 1 because 1.005 × 100 is 100.49999999999999.
 *
 * The sign is the ASCII hyphen-minus '-', not the typographic '−' (U+2212): figures are
 * exported to .xlsx and re-read, searched and pasted, and only '-' survives all of that as a
 * number. A screen that wants '−' can swap the one character.
 */

const NUMBER_PATTERN = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

function checkDecimals(decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) throw new RangeError(`decimals must be 0–20: ${decimals}`);
}

/** The value rounded half away from zero to `decimals` places, as a fixed-point string. */
export function toFixedHalfAwayFromZero(value: number, decimals: number): string {
  checkDecimals(decimals);
  if (!Number.isFinite(value)) throw new RangeError(`cannot round ${value}`);
  const match = NUMBER_PATTERN.exec(String(Math.abs(value)));
  if (!match) throw new RangeError(`unexpected number form: ${value}`);
  const [, intPart = '0', fracPart = '', exponent = '0'] = match;
  let digits = intPart + fracPart;
  let point = intPart.length + Number(exponent);
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  const keep = point + decimals;
  const kept = digits.slice(0, keep).padEnd(keep, '0');
  // Only the first dropped digit matters: ≥ 5 means at least half a unit, so round away.
  let scaled = BigInt(kept === '' ? '0' : kept);
  if ((digits[keep] ?? '0') >= '5') scaled += 1n;
  const text = scaled.toString().padStart(decimals + 1, '0');
  const fixed = decimals > 0 ? `${text.slice(0, -decimals)}.${text.slice(-decimals)}` : text;
  return value < 0 && scaled !== 0n ? `-${fixed}` : fixed;
}

export function roundHalfAwayFromZero(value: number, decimals: number): number {
  return Number(toFixedHalfAwayFromZero(value, decimals));
}

export interface PercentFormat {
  /** Print '+' before a positive value (a change); off for shares. Default on. */
  sign?: boolean;
  /** Drop trailing zeros ("140%", not "140.00%"), as the seeds print. Default on. */
  trimZeros?: boolean;
}

/** "+33.33%", "-6.5%", "0%". `value` is already a percentage (33.33…, not 0.3333…). */
export function formatPercent(value: number, decimals = 1, format: PercentFormat = {}): string {
  let text = toFixedHalfAwayFromZero(value, decimals);
  if ((format.trimZeros ?? true) && text.includes('.')) text = text.replace(/\.?0+$/, '');
  if ((format.sign ?? true) && !text.startsWith('-') && /[1-9]/.test(text)) text = `+${text}`;
  return `${text}%`;
}
