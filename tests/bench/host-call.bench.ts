/**
 * What the transport costs: the same app:info call dispatched in-process (what IPC adds to is
 * close to this) and over the web host's HTTP API, one after the other in the same run.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { dispatchHostCall } from '../../shared/host-dispatch';
import { createHostHandlers } from '../../electron/host/handlers';
import { startWebHost } from '../../electron/web-host';
import { sample, type Sample } from './measure';

export async function hostCallBench(runs = 2000): Promise<Sample[]> {
  const handlers = createHostHandlers();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-host-'));
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>bench</title>');
  const host = await startWebHost({ rendererDir: dir, handlers });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const post = () =>
    new Promise<void>((resolve, reject) => {
      const request = http.request(
        { agent, host: '127.0.0.1', port: host.port, method: 'POST', path: '/api/app:info', headers: { 'content-type': 'application/json', 'x-commonplace-secret': host.secret } },
        (response) => response.resume().on('end', () => resolve()),
      );
      request.on('error', reject);
      request.end('{}');
    });
  try {
    const direct = await sample('app:info dispatched in-process', runs, () => dispatchHostCall(handlers, 'app:info', {}, { transport: 'ipc' }));
    const overHttp = await sample('app:info over the web host (keep-alive)', runs, post);
    return [direct, overHttp];
  } finally {
    agent.destroy();
    await host.close();
    await rm(dir, { recursive: true, force: true });
  }
}
