// What the fake COS and the fake OBS share: an HTTP server on 127.0.0.1, a log of what it was asked, fault injection
// (error statuses, slow answers, connection resets) and errors in the service's XML shape.
import { createHash, randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { XMLParser } from 'fast-xml-parser';

/** A fault served instead of the next request's normal answer. */
export type Fault =
  | { kind: 'pass' }
  | { kind: 'status'; status: number; code: string; message?: string }
  | { kind: 'reset' }
  | { kind: 'delay'; ms: number };

export interface RecordedRequest {
  readonly method: string;
  readonly bucket: string;
  readonly region: string;
  /** The decoded path inside the bucket, `/` for bucket operations. */
  readonly path: string;
  readonly query: Record<string, string>;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
  /** What the fake answered; -1 for a reset connection. */
  status: number;
  errorCode?: string;
}

/** An error answer: HTTP status, the service's error code, a message. */
export class ServiceError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

export abstract class FakeServer {
  readonly requests: RecordedRequest[] = [];
  private readonly faults: Fault[] = [];
  private readonly sockets = new Set<Socket>();
  private server?: Server;
  private requestCounter = 0;

  /** The header the request id travels in. */
  protected abstract readonly requestIdHeader: string;
  /** Bucket, region and path of a request, or `undefined` when it addresses no bucket. */
  protected abstract locate(req: IncomingMessage, url: URL): { bucket: string; region: string; path: string } | undefined;
  /** Why the request's signature is not acceptable, or `undefined`. */
  protected abstract signatureProblem(record: RecordedRequest, req: IncomingMessage, url: URL): string | undefined;
  /** Answers an authenticated request, or throws a `ServiceError`. */
  protected abstract route(record: RecordedRequest, body: Buffer, res: ServerResponse): void;

  /** `http://127.0.0.1:<port>`. */
  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** Serve these faults, in order, to the next requests. */
  inject(...faults: Fault[]): void {
    this.faults.push(...faults);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const location = this.locate(req, url);
    const record: RecordedRequest = {
      method: req.method ?? '', bucket: location?.bucket ?? '', region: location?.region ?? '', path: location?.path ?? url.pathname,
      query: Object.fromEntries(url.searchParams), headers: req.headers, body: body.toString('utf8'), status: 0,
    };
    this.requests.push(record);
    const requestId = `fake-${++this.requestCounter}-${randomUUID().slice(0, 8)}`;
    res.setHeader(this.requestIdHeader, requestId);

    const fault = this.faults.shift();
    if (fault?.kind === 'reset') {
      record.status = -1;
      req.socket.destroy();
      return;
    }
    // unref: a delayed answer must not keep the test process alive after stop().
    if (fault?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms).unref());
    try {
      if (fault?.kind === 'status') throw new ServiceError(fault.status, fault.code, fault.message ?? `injected ${fault.code}`);
      if (!location) throw new ServiceError(400, 'InvalidURI', `${req.headers.host}${url.pathname} addresses no bucket`);
      const problem = this.signatureProblem(record, req, url);
      if (problem) throw this.signatureError(problem);
      this.route(record, body, res);
    } catch (err) {
      const e = err instanceof ServiceError ? err : new ServiceError(500, 'InternalError', String(err));
      record.status = e.status;
      record.errorCode = e.code;
      this.writeError(record, res, e, requestId);
    }
  }

  /** The error a refused signature is answered with; a service with other error codes overrides it. */
  protected signatureError(problem: string): ServiceError {
    return new ServiceError(403, 'SignatureDoesNotMatch', problem);
  }

  /** Writes an error answer, by default in the XML shape COS and OBS share; a service with another shape overrides it. */
  protected writeError(record: RecordedRequest, res: ServerResponse, e: ServiceError, requestId: string): void {
    res.writeHead(e.status, { 'Content-Type': 'application/xml' });
    res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${e.code}</Code><Message>${escapeXml(e.message)}</Message>`
      + `<Resource>${escapeXml(`${record.bucket}${record.path}`)}</Resource><RequestId>${requestId}</RequestId><TraceId>fake-trace</TraceId></Error>`);
  }

  /** Answers 200 with a body (and marks the record). */
  protected ok(record: RecordedRequest, res: ServerResponse, body?: string | Buffer, headers: Record<string, string | number> = {}, status = 200): void {
    record.status = status;
    res.writeHead(status, headers);
    res.end(body);
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Both services refuse a body whose Content-MD5 is missing or wrong. */
export function checkContentMd5(record: RecordedRequest, body: Buffer): void {
  const md5 = record.headers['content-md5'];
  if (!md5) throw new ServiceError(400, 'MissingContentMD5', 'Content-MD5 is required');
  if (md5 !== createHash('md5').update(body).digest('base64')) throw new ServiceError(400, 'BadDigest', 'Content-MD5 does not match the body');
}

/** The `InventoryConfiguration` of a request body, or MalformedXML. */
export function parseInventoryConfiguration(parser: XMLParser, xml: string): any {
  let parsed: any;
  try {
    parsed = parser.parse(xml, true);
  } catch (err) {
    throw new ServiceError(400, 'MalformedXML', `the XML is not well-formed: ${(err as Error).message}`);
  }
  if (!parsed?.InventoryConfiguration) throw new ServiceError(400, 'MalformedXML', 'the body has no InventoryConfiguration');
  return parsed.InventoryConfiguration;
}
