/** How hard to try before failing the apply. */
export interface RetryPolicy {
    /** Attempts in all, the first included. */
    readonly maxAttempts: number;
    /** Delay before the second attempt; it doubles each time, with full jitter. */
    readonly baseDelayMs: number;
    readonly maxDelayMs: number;
}
export declare const DEFAULT_RETRY: RetryPolicy;
/** 5xx, throttling and dropped connections are worth another try; a 4xx never is. */
export declare function isRetryable(err: unknown): boolean;
export interface RetryHooks {
    readonly sleep: (ms: number) => Promise<void>;
    readonly random: () => number;
    readonly onRetry?: (attempt: number, delayMs: number, err: unknown) => void;
}
/** Runs `operation` until it succeeds, fails with a non-retryable error, or runs out of attempts. */
export declare function withRetries<T>(operation: (attempt: number) => Promise<T>, policy: RetryPolicy, hooks: RetryHooks): Promise<T>;
