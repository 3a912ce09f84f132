// One HTTP proxy endpoint in front of several fakes, for a client that takes a single proxy setting (the real
// tencentcloud provider honours HTTP_PROXY for COS and the Tencent Cloud API alike). Requests arrive in
// absolute-URI form (`GET http://<bucket>.cos.<region>.myqcloud.com/?acl HTTP/1.1`) with their real Host; each is
// forwarded, unchanged (method, request target, headers including Host, body), to the first fake whose host pattern
// matches, and its answer is relayed back. A host no route matches, and any CONNECT (HTTPS through the proxy),
// gets 502 with a message naming it, and is listed in `refused`, so a call nobody fakes shows.
import { createServer, IncomingMessage, request, Server, ServerResponse } from 'node:http';
import { AddressInfo, Socket } from 'node:net';

export interface ProxyRoute {
  /** Matched against the Host header without its port. */
  readonly host: RegExp;
  /** `http://127.0.0.1:<port>` of the fake (a `FakeServer`'s `url`). */
  readonly target: string;
}

export class FakeProxy {
  /** `<METHOD> <host><path>` of each request no route took. */
  readonly refused: string[] = [];
  private readonly routes: ProxyRoute[];
  private readonly sockets = new Set<Socket>();
  private server?: Server;

  constructor(routes: ProxyRoute[] = []) {
    this.routes = [...routes];
  }

  /** `http://127.0.0.1:<port>`, the value for HTTP_PROXY. */
  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  /** Adds a route (checked after the earlier ones). */
  route(host: RegExp, target: string): this {
    this.routes.push({ host, target });
    return this;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => this.forward(req, res));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    this.server.on('connect', (req: IncomingMessage, socket: Socket) => {
      this.refused.push(`CONNECT ${req.url}`);
      socket.end(`HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\nfake proxy: CONNECT ${req.url} refused: HTTPS is not faked, use plain HTTP (provider protocol = "HTTP", cos_domain = "http://...")\n`);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private forward(req: IncomingMessage, res: ServerResponse): void {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const route = this.routes.find((candidate) => candidate.host.test(host));
    if (!route) {
      const what = `${req.method} ${host}${(req.url ?? '').replace(/^[a-z]+:\/\/[^/]*/i, '')}`;
      this.refused.push(what);
      req.resume();
      res.writeHead(502, { 'Content-Type': 'text/plain' });
      res.end(`fake proxy: no fake serves host ${JSON.stringify(host)} (${what}); routes: ${this.routes.map((r) => r.host).join(', ') || 'none'}\n`);
      return;
    }
    const target = new URL(route.target);
    const upstream = request({
      host: target.hostname,
      port: target.port,
      method: req.method,
      // Kept in the form it came in (absolute URI), as the fake would see it as a proxy itself.
      path: req.url,
      headers: req.headers,
    }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.rawHeaders);
      answer.pipe(res);
    });
    upstream.on('error', (err) => {
      // The fake reset the connection (an injected fault) or is gone: let the client see a reset too.
      if (!res.headersSent) req.socket.destroy(err);
      else res.destroy(err);
    });
    req.pipe(upstream);
  }
}
