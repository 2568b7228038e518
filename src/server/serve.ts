// Runs the app on Node's HTTP server (via @hono/node-server) and stops it cleanly; the only module
// here that knows the runtime. Binds to 127.0.0.1 unless told otherwise.
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Hono } from 'hono';

export const LISTEN_DEFAULTS = { host: '127.0.0.1', port: 8080 };

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Listen on host:port (port 0 picks a free one); resolves once listening. */
export function listen(app: Hono, options: Partial<typeof LISTEN_DEFAULTS> = {}): Promise<RunningServer> {
  const { host, port } = { ...LISTEN_DEFAULTS, ...options };
  return new Promise((resolve, reject) => {
    let server: ServerType;
    const onError = (error: Error) => reject(error);
    server = serve({ fetch: app.fetch, hostname: host, port }, (info: AddressInfo) => {
      server.off('error', onError);
      const shown = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shown}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            (server as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      });
    });
    server.once('error', onError);
  });
}
