/** Axis helpers for the hand-drawn SVG charts. */

/** A round upper bound ≥ value (1, 2, 2.5 or 5 × a power of ten), so ticks fall on readable numbers. */
export function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= value) ?? 10;
  return step * power;
}

/** `count` + 1 evenly spaced ticks from 0 to max. */
export function ticks(max: number, count = 4): number[] {
  return Array.from({ length: count + 1 }, (_, i) => (max * i) / count);
}

/** Maps [0, max] onto [height, 0] (SVG y grows downwards). */
export const yScale = (max: number, height: number) => (value: number) => height - (Math.max(0, value) / max) * height;
