/** Retrying Elasticsearch calls with exponential backoff, and turning client errors into clear one-line messages. */
import { errors } from '@elastic/elasticsearch';

/** An error the CLI reports as-is (one clear line) and exits non-zero for. */
export class SeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeedError';
  }
}

export interface RetryPolicy {
  /** Total attempts, the first one included (≥ 1). */
  attempts: number;
  /** Delay before the second attempt; doubles after each failure. */
  baseDelayMs: number;
  /** Upper bound of one delay. */
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  /** Called before each wait, e.g. to print "retrying in 2 s". */
  onRetry?: (what: string, attempt: number, delayMs: number, error: unknown) => void;
}

/** Delay before attempt `attempt + 1` after `attempt` failures (attempt ≥ 1): base × 2^(attempt-1), capped. */
export function backoffDelay(attempt: number, baseDelayMs: number, maxDelayMs: number): number {
  return Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempt - 1));
}

/** Transient failures worth another attempt: the network, timeouts, and 429/502/503/504 answers. */
export function isTransient(error: unknown): boolean {
  if (error instanceof errors.ResponseError) {
    return [429, 502, 503, 504].includes(error.statusCode ?? 0);
  }
  return (
    error instanceof errors.ConnectionError ||
    error instanceof errors.TimeoutError ||
    error instanceof errors.NoLivingConnectionsError
  );
}

/** One line that says what went wrong, without a stack trace. */
export function describeError(error: unknown): string {
  if (error instanceof errors.ResponseError) {
    const status = error.statusCode ?? 'no status';
    const cause = (error.body as { error?: { type?: string; reason?: string } } | undefined)?.error;
    const detail = cause ? `${cause.type ?? 'error'}: ${cause.reason ?? ''}`.trim() : error.message;
    if (status === 401) {
      return `HTTP 401 (authentication failed: check the username and password) ${detail}`;
    }
    return `HTTP ${status} ${detail}`;
  }
  if (error instanceof Error) {
    return `${error.name}: ${error.message}`;
  }
  return String(error);
}

/**
 * Runs `action` until it succeeds, a non-transient error occurs, or the attempts are used up. Ends in a SeedError
 * naming `what`, the attempts made and the last error.
 */
export async function withRetry<T>(what: string, action: () => Promise<T>, policy: RetryPolicy): Promise<T> {
  const attempts = Math.max(1, Math.floor(policy.attempts));
  for (let attempt = 1; ; attempt++) {
    try {
      return await action();
    } catch (error) {
      if (error instanceof SeedError) {
        throw error;
      }
      if (!isTransient(error)) {
        throw new SeedError(`${what} failed: ${describeError(error)}`);
      }
      if (attempt >= attempts) {
        throw new SeedError(
          `${what} failed after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${describeError(error)}`
        );
      }
      const delayMs = backoffDelay(attempt, policy.baseDelayMs, policy.maxDelayMs);
      policy.onRetry?.(what, attempt, delayMs, error);
      await policy.sleep(delayMs);
    }
  }
}
