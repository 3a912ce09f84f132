import type { IncomingHttpHeaders } from 'node:http';
/** Credentials, read from the same variables the tencentcloud provider reads. Never logged or stored. */
export interface CosCredentials {
    readonly secretId: string;
    readonly secretKey: string;
    readonly securityToken?: string;
}
/**
 * Where requests go. `domain` is a host template for private endpoints (`{Bucket}.cos-internal.{Region}.tencentcos.cn`,
 * the SDK's `Domain` syntax); `proxy` sends every request, with its real Host, through an HTTP proxy (absolute-URI
 * requests for http targets, a CONNECT tunnel for https ones), which is how tests reach a local server.
 */
export interface CosEndpoint {
    readonly domain?: string;
    readonly proxy?: string;
    readonly protocol?: 'http:' | 'https:';
    /** Deadline of one request, connection included; 30 s unless set. */
    readonly timeoutMs?: number;
}
export declare function credentialsFromEnv(env: NodeJS.ProcessEnv): CosCredentials;
export declare function endpointFromEnv(env: NodeJS.ProcessEnv): CosEndpoint;
/** RFC 3986 encoding, as the signature and the URL want it (encodeURIComponent leaves !'()* alone). */
export declare function encodeRfc3986(value: string): string;
export interface SignatureInput {
    readonly secretId: string;
    readonly secretKey: string;
    readonly method: string;
    /** The object key, unencoded (`''` for bucket operations); the signed path is `/` + key. */
    readonly key: string;
    /** Every query parameter of the request; `''` for a bare one like `?inventory`. */
    readonly query: Readonly<Record<string, string>>;
    /** The headers to sign, Host included. */
    readonly headers: Readonly<Record<string, string>>;
    /** `start;end` in Unix seconds: both q-key-time and q-sign-time. */
    readonly keyTime: string;
}
/** The `Authorization` header of a request: every query parameter and every given header is signed. */
export declare function cosAuthorization(input: SignatureInput): string;
/** One COS request. */
export interface CosRequest {
    readonly method: 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE';
    readonly bucket: string;
    readonly region: string;
    /** The object key, unencoded; omitted for bucket operations (`/`). */
    readonly key?: string;
    /** Query parameters, all signed; `''` for a bare one (`{ inventory: '' }` is `?inventory`). */
    readonly query?: Readonly<Record<string, string>>;
    /** Extra headers, all signed (Content-Type, x-cos-*). */
    readonly headers?: Readonly<Record<string, string>>;
    /** A body goes with Content-MD5 and Content-Length. */
    readonly body?: Buffer;
}
/** A 2xx answer. Anything else rejects with `ServiceRequestError`. */
export interface CosResponse {
    readonly statusCode: number;
    readonly headers: IncomingHttpHeaders;
    readonly body: Buffer;
}
/** Sends one signed request; rejects with `ServiceRequestError` (status, Code, Message, RequestId or network error). */
export type CosClient = (request: CosRequest) => Promise<CosResponse>;
/** A request ready to go: its URL and every header, Authorization included. */
export interface PreparedRequest {
    readonly url: URL;
    readonly method: string;
    readonly headers: Record<string, string>;
    readonly body?: Buffer;
}
/** The base URL (`protocol//host`) of a bucket: the host template filled in, or `<bucket>.cos.<region>.myqcloud.com`. */
export declare function bucketBaseUrl(endpoint: CosEndpoint, bucket: string, region: string): URL;
/** URL and headers of a request, signed with a key time from `nowMs`. Pure: the tests compare it with the SDK. */
export declare function prepareCosRequest(credentials: CosCredentials, endpoint: CosEndpoint, request: CosRequest, nowMs: number): PreparedRequest;
/** A COS client over node:http / node:https; `now` is for tests. */
export declare function createCosClient(credentials: CosCredentials, endpoint: CosEndpoint, now?: () => number): CosClient;
