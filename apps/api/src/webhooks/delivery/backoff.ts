/**
 * Exponential backoff with "full jitter": after the n-th failed attempt, wait a uniformly random time
 * in [0, min(max, base × 2^(n−1))]. The randomness spreads the retries of many webhooks failing
 * together (a receiver that was down) instead of having them all knock again at the same instant.
 */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

export function retryDelayMs(failedAttempts: number, { baseMs, maxMs }: BackoffOptions, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(Math.max(failedAttempts - 1, 0), 40));
  return Math.floor(random() * ceiling);
}
