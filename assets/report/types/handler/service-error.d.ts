/** A failed COS or OBS request, with what the apply log needs to find it: status, error code, message, request id. */
export declare class ServiceRequestError extends Error {
    readonly statusCode: number | undefined;
    readonly code: string | undefined;
    readonly requestId: string | undefined;
    readonly networkError: string | undefined;
    constructor(message: string, statusCode: number | undefined, code: string | undefined, requestId: string | undefined, networkError: string | undefined);
}
/** `CODE (HTTP n): message; request id R`, or the network error: what an apply log needs to find a failed request. */
export declare function describeServiceError(err: unknown): string;
/** Resolves to `undefined` instead of rejecting when the answer is 404. */
export declare function unlessNotFound<T>(request: Promise<T>): Promise<T | undefined>;
