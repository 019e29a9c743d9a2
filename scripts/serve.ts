/**
 * A tiny static file server for test pages: 127.0.0.1 only, a free port, no directory listing,
 * nothing outside the served directory. Used by the e2e harness and `npm start`.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ServeOptions {
  /**
   * Extra response headers for a request path ("/hostile/csp.html"), e.g. a Content-Security-Policy
   * for one test page.
   */
  headers?: (pathname: string) => Record<string, string> | undefined;
}

export interface StaticServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Map a request path to a file inside root, or null when it must be refused
 * (bad encoding, NUL bytes, or anything that would resolve outside root).
 */
export function resolveRequestPath(root: string, requestUrl: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestUrl, 'http://localhost').pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const resolved = path.resolve(root, `.${path.posix.normalize(`/${pathname}`)}`);
  if (resolved !== root && !resolved.startsWith(root + path.sep)) return null;
  return resolved;
}

function send(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(`${message}\n`);
}

async function handle(
  root: string,
  req: IncomingMessage,
  res: ServerResponse,
  options: ServeOptions = {},
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
  const target = resolveRequestPath(root, req.url ?? '/');
  if (!target) return send(res, 403, 'Forbidden');
  let file = target;
  try {
    let info = await stat(file);
    if (info.isDirectory()) {
      file = path.join(file, 'index.html'); // never a listing: index.html or 404
      info = await stat(file);
    }
    // A symlink could still point outside root: compare real paths.
    const real = await realpath(file);
    if (real !== root && !real.startsWith(root + path.sep)) return send(res, 403, 'Forbidden');
    if (!info.isFile()) return send(res, 404, 'Not found');
    res.writeHead(200, {
      'content-type': contentTypeFor(file),
      'content-length': info.size,
      'cache-control': 'no-store',
      ...options.headers?.(new URL(req.url ?? '/', 'http://localhost').pathname),
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  } catch {
    send(res, 404, 'Not found');
  }
}

/** Serve dir on 127.0.0.1 at a free port. */
export async function startServer(
  dir = 'tests/fixtures',
  options: ServeOptions = {},
): Promise<StaticServer> {
  const root = await realpath(path.resolve(dir));
  const server = createServer((req, res) => {
    handle(root, req, res, options).catch(() => send(res, 500, 'Internal error'));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// `tsx scripts/serve.ts [dir]`: serve until Ctrl-C.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? 'tests/fixtures';
  startServer(dir).then((s) => {
    console.log(`Serving ${path.resolve(dir)} at ${s.url}/ (Ctrl-C to stop)`);
  });
}
