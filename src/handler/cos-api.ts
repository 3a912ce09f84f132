import { CosCredentials, CosEndpoint, createCosClient } from './cos-client';
import type { BucketClient } from './transport';
import { unlessNotFound } from './service-error';

export type { CosCredentials, CosEndpoint } from './cos-client';
export { credentialsFromEnv, endpointFromEnv } from './cos-client';

/** The COS calls the handler makes; the job logic takes this interface, so tests can inject their own. */
export interface CosApi {
  /** POST Bucket inventory; resolves with COS's answer, rejects with `ServiceRequestError`. */
  postInventory(bucket: string, region: string, id: string, xml: string): Promise<PostAnswer>;
  /** GET Object; `undefined` when it does not exist (yet). */
  getObject(bucket: string, region: string, key: string): Promise<Buffer | undefined>;
  /** HEAD Object size in bytes; `undefined` when it does not exist. */
  headObjectSize(bucket: string, region: string, key: string): Promise<number | undefined>;
}

/** What COS answered a job it took: the body (the JobId, or empty), and what identifies the answer. */
export interface PostAnswer {
  readonly statusCode: number;
  readonly requestId?: string;
  readonly body: string;
}

/** Headers of an XML request body; the client adds its Content-MD5 and Content-Length. */
export const XML_HEADERS: Readonly<Record<string, string>> = { 'Content-Type': 'application/xml' };

/** `CosApi` over the handler's own COS client (cos-client.ts): one signed HTTP request per call, no retries. */
export function createCosApi(credentials: CosCredentials, endpoint: CosEndpoint, client: BucketClient = createCosClient(credentials, endpoint)): CosApi {
  return {
    async postInventory(bucket, region, id, xml) {
      const response = await client({ method: 'POST', bucket, region, query: { inventory: '', id }, headers: XML_HEADERS, body: Buffer.from(xml, 'utf8') });
      return { statusCode: response.statusCode, requestId: response.headers['x-cos-request-id'] as string | undefined, body: response.body.toString('utf8') };
    },
    async getObject(bucket, region, key) {
      return (await unlessNotFound(client({ method: 'GET', bucket, region, key })))?.body;
    },
    async headObjectSize(bucket, region, key) {
      const response = await unlessNotFound(client({ method: 'HEAD', bucket, region, key }));
      return response === undefined ? undefined : Number(response.headers['content-length']);
    },
  };
}
