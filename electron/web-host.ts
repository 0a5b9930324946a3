/**
 * Browser mode: the same host services as the desktop app, over HTTP on 127.0.0.1.
 * Serves the built renderer (with the per-run secret injected into index.html) and answers
 * `POST /api/<area:verb>` through the same dispatcher as IPC. See web-host-guard.ts for who may call.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { contentSecurityPolicy } from '../shared/content-security-policy';
import { webHostApiPrefix, webHostSecretHeader, webHostSecretMetaName } from '../shared/host-bridge';
import type { HostHandlers } from '../shared/host-contract';
import { dispatchHostCall } from '../shared/host-dispatch';
import type { HostErrorCode } from '../shared/host-error';
import { contentTypeFor, resolveStaticPath } from './host/static-files';
import { checkHost, checkOrigin, checkSecret } from './web-host-guard';

export interface WebHostOptions {
  rendererDir: string;
  handlers: HostHandlers;
  /** 0 or undefined picks a free port. */
  port?: number;
  /** Injected for tests; a fresh random secret otherwise. */
  secret?: string;
}

export interface WebHost {
  url: string;
  port: number;
  secret: string;
  close(): Promise<void>;
}

// Large enough for a batch of a published site's pages (site:write), small enough that a runaway
// page cannot make the host buffer without end; requests without the secret never get this far.
const maxRequestBytes = 32 * 1024 * 1024;

const securityHeaders: Readonly<Record<string, string>> = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const secret = options.secret ?? randomBytes(32).toString('base64url');
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  server.on('request', (request, response) => {
    handle(request, response, { ...options, port, secret }).catch(() => {
      if (!response.headersSent) sendError(response, 500, 'internal', 'The host failed to answer.');
      else response.destroy();
    });
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    secret,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type Context = WebHostOptions & { port: number; secret: string };

async function handle(request: http.IncomingMessage, response: http.ServerResponse, context: Context): Promise<void> {
  for (const verdict of [checkHost(request.headers.host, context.port), checkOrigin(request.headers.origin, context.port)]) {
    if (!verdict.ok) return sendError(response, verdict.status, 'forbidden', verdict.message);
  }
  const url = new URL(request.url ?? '/', `http://127.0.0.1:${context.port}`);
  if (url.pathname.startsWith(webHostApiPrefix)) return handleApi(request, response, url, context);
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return sendError(response, 405, 'invalid-request', 'Only GET is allowed here.');
  }
  return serveStatic(request, response, url, context);
}

async function handleApi(request: http.IncomingMessage, response: http.ServerResponse, url: URL, context: Context): Promise<void> {
  if (request.method !== 'POST') return sendError(response, 405, 'invalid-request', 'Host calls are POST requests.');
  const secretHeader = request.headers[webHostSecretHeader];
  const verdict = checkSecret(typeof secretHeader === 'string' ? secretHeader : undefined, context.secret);
  if (!verdict.ok) return sendError(response, verdict.status, 'forbidden', verdict.message);
  if (!(request.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
    return sendError(response, 415, 'invalid-request', 'Host calls carry JSON.');
  }
  const body = await readBody(request);
  if (body === undefined) {
    // Stop reading what is left of an oversized body once the refusal is sent.
    response.once('finish', () => request.destroy());
    response.shouldKeepAlive = false;
    return sendError(response, 413, 'too-large', 'The request was too large.');
  }
  let payload: unknown;
  try {
    payload = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  } catch {
    return sendError(response, 400, 'invalid-request', 'The request was not valid JSON.');
  }
  const name = decodeURIComponent(url.pathname.slice(webHostApiPrefix.length));
  const result = await dispatchHostCall(context.handlers, name, payload, { transport: 'http' });
  sendJson(response, 200, result);
}

async function serveStatic(request: http.IncomingMessage, response: http.ServerResponse, url: URL, context: Context): Promise<void> {
  const filePath = resolveStaticPath(context.rendererDir, url.pathname);
  const contents = filePath ? await readFile(filePath).catch(() => undefined) : undefined;
  if (!filePath || !contents) return sendError(response, 404, 'not-found', 'There is nothing at this address.');
  const isHtml = filePath.endsWith('.html');
  const body = isHtml ? injectSecret(contents.toString('utf8'), context.secret) : contents;
  response.writeHead(200, {
    ...securityHeaders,
    'content-type': contentTypeFor(filePath),
    'cache-control': isHtml ? 'no-store' : 'no-cache',
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}

/** The secret reaches only pages this server serves: a meta tag the HostClient reads. */
export function injectSecret(html: string, secret: string): string {
  const meta = `<meta name="${webHostSecretMetaName}" content="${secret}">`;
  return html.includes('</head>') ? html.replace('</head>', `${meta}</head>`) : `${meta}${html}`;
}

function readBody(request: http.IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxRequestBytes) {
        request.pause();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function sendJson(response: http.ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { ...securityHeaders, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(value));
}

function sendError(response: http.ServerResponse, status: number, code: HostErrorCode, message: string): void {
  sendJson(response, status, { ok: false, error: { code, message } });
}
