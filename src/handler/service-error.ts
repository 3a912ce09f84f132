// Errors of COS and OBS requests, free of the SDKs so that library code can name them without loading one.

/** A failed COS or OBS request, with what the apply log needs to find it: status, error code, message, request id. */
export class ServiceRequestError extends Error {
  constructor(
    message: string,
    public readonly statusCode: number | undefined,
    public readonly code: string | undefined,
    public readonly requestId: string | undefined,
    public readonly networkError: string | undefined,
  ) {
    super(message);
    this.name = 'ServiceRequestError';
  }
}

/** `CODE (HTTP n): message; request id R`, or the network error: what an apply log needs to find a failed request. */
export function describeServiceError(err: unknown): string {
  if (!(err instanceof ServiceRequestError)) return err instanceof Error ? err.message : String(err);
  const what = err.statusCode !== undefined
    ? `${err.code ?? 'no error code'} (HTTP ${err.statusCode}): ${err.message}`
    : `network error ${err.networkError ?? ''}: ${err.message}`;
  return `${what}; request id ${err.requestId ?? 'none'}`;
}

/** Resolves to `undefined` instead of rejecting when the answer is 404. */
export async function unlessNotFound<T>(request: Promise<T>): Promise<T | undefined> {
  try {
    return await request;
  } catch (err) {
    if (err instanceof ServiceRequestError && err.statusCode === 404) return undefined;
    throw err;
  }
}
