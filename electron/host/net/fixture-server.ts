/**
 * Test support only: a local HTTP server on 127.0.0.1 (a random port) answering from a route table, so
 * fetch, feed and article tests never touch the internet. Every request is logged (path with query,
 * headers), so tests can check politeness — what was sent, how many requests, in what order — and prove
 * that extraction fetched the page and nothing the page refers to.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import { HostFailure } from '../../../shared/host-error';

export type Route = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

export interface LoggedRequest {
  /** With the query string. */
  path: string;
  headers: IncomingHttpHeaders;
}

export interface FixtureServer {
  /** http://127.0.0.1:port, without a trailing slash. */
  origin: string;
  url(path: string): string;
  /** In the order they arrived; empty it with `requests.length = 0`. */
  requests: LoggedRequest[];
  /** The paths (with query) requested so far, in order. */
  paths(): string[];
  /** The latest request to this path (with query). */
  lastRequest(path: string): LoggedRequest | undefined;
  /** Adds or replaces a route while the server runs. */
  route(path: string, handler: Route): void;
  close(): Promise<void>;
}

/** Routes match the path with its query first, then without it; anything else is a 404 page. */
export async function startFixtureServer(routes: Record<string, Route> = {}): Promise<FixtureServer> {
  const table = new Map(Object.entries(routes));
  const requests: LoggedRequest[] = [];
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push({ path, headers: request.headers });
    const handler = table.get(path) ?? table.get(path.split('?')[0] ?? path) ?? notFound;
    Promise.resolve(handler(request, response)).catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    requests,
    paths: () => requests.map((request) => request.path),
    lastRequest: (path) => requests.findLast((request) => request.path === path),
    route: (path, handler) => table.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        // Stalled responses (timeout tests) would otherwise keep close() waiting forever.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A route answering with a fixed status, headers and body. */
export function send(status: number, body: string | Uint8Array = '', headers: Record<string, string> = {}): Route {
  return (_request, response) => {
    response.writeHead(status, headers).end(body);
  };
}

/** `send` with a Content-Type (omitted when empty) first. */
export function reply(status: number, contentType: string, body: string | Uint8Array, extraHeaders: Record<string, string> = {}): Route {
  return send(status, body, { ...extraHeaders, ...(contentType ? { 'content-type': contentType } : {}) });
}

export function redirect(location: string, status = 302): Route {
  return send(status, '', { location });
}

const notFound = reply(404, 'text/html', '<!doctype html><title>Not found</title><p>Not found</p>');

/** The HostFailure a promise rejects with (and a failed expectation if it resolves or rejects with anything else). */
export async function failureOf(promise: Promise<unknown>): Promise<HostFailure> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(HostFailure);
  return error as HostFailure;
}
