/**
 * Who may talk to the web host. It listens on 127.0.0.1, but any web page the user opens can
 * send requests to loopback, and a DNS-rebinding page can even appear same-origin. So:
 * - the Host header must name this server (defeats DNS rebinding),
 * - an Origin header, when present, must be this server's own (defeats cross-site pages),
 * - API calls must carry the per-run secret, which only the page this server serves receives.
 */
import { timingSafeEqual } from 'node:crypto';

export type GuardVerdict = { ok: true } | { ok: false; status: number; message: string };

export function ownAuthorities(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function checkHost(hostHeader: string | undefined, port: number): GuardVerdict {
  if (hostHeader && ownAuthorities(port).includes(hostHeader.toLowerCase())) return { ok: true };
  return { ok: false, status: 421, message: 'This server only answers requests addressed to itself.' };
}

export function checkOrigin(originHeader: string | undefined, port: number): GuardVerdict {
  if (originHeader === undefined) return { ok: true };
  const allowed = ownAuthorities(port).map((authority) => `http://${authority}`);
  if (allowed.includes(originHeader.toLowerCase())) return { ok: true };
  return { ok: false, status: 403, message: 'Requests from other sites are not accepted.' };
}

export function checkSecret(presented: string | undefined, secret: string): GuardVerdict {
  const expected = Buffer.from(secret, 'utf8');
  const given = Buffer.from(presented ?? '', 'utf8');
  if (given.length === expected.length && timingSafeEqual(given, expected)) return { ok: true };
  return { ok: false, status: 403, message: 'This request did not come from the Commonplace page this server gave out.' };
}
