import { ServiceRequestError } from './service-error';

/** How hard to try before failing the apply. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  /** Delay before the second attempt; it doubles each time, with full jitter. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 8_000 };

/** COS codes that mean "slow down" even when the status is not 5xx. */
const THROTTLING_CODES = new Set(['SlowDown', 'RequestLimitExceeded', 'TooManyRequests', 'ServiceUnavailable']);
const RETRIED_NETWORK_ERRORS = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ECONNABORTED']);

/** 5xx, throttling and dropped connections are worth another try; a 4xx never is. */
export function isRetryable(err: unknown): boolean {
  if (!(err instanceof ServiceRequestError)) return false;
  if (err.statusCode === undefined) return err.networkError !== undefined && RETRIED_NETWORK_ERRORS.has(err.networkError);
  return err.statusCode >= 500 || err.statusCode === 429 || (err.code !== undefined && THROTTLING_CODES.has(err.code));
}

export interface RetryHooks {
  readonly sleep: (ms: number) => Promise<void>;
  readonly random: () => number;
  readonly onRetry?: (attempt: number, delayMs: number, err: unknown) => void;
}

/** The pause after failed attempt `attempt`: full jitter under a ceiling that doubles from the base delay. */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(random() * ceiling);
}

/** Runs `operation` until it succeeds, fails with a non-retryable error, or runs out of attempts. */
export async function withRetries<T>(operation: (attempt: number) => Promise<T>, policy: RetryPolicy, hooks: RetryHooks): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (err) {
      if (attempt >= policy.maxAttempts || !isRetryable(err)) throw err;
      const delayMs = backoffDelayMs(attempt, policy, hooks.random);
      hooks.onRetry?.(attempt, delayMs, err);
      await hooks.sleep(delayMs);
    }
  }
}
