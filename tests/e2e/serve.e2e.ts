/** The static server every e2e test and `npm start` rely on: right types, no listing, no escape. */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveRequestPath, type StaticServer, startServer } from '../../scripts/serve';

/** A raw GET: fetch() would normalise "/../" away before the server ever saw it. */
function get(
  base: string,
  rawPath: string,
): Promise<{ status: number; type: string; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: rawPath, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          type: String(res.headers['content-type'] ?? ''),
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('scripts/serve.ts', () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await startServer('tests/fixtures');
  });
  afterAll(async () => {
    await server?.close();
  });

  it('binds to 127.0.0.1 on a free port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves the demo article as UTF-8 HTML', async () => {
    const res = await get(server.url, '/demo/article.html');
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('Константин Асмолов');
  });

  it('lists no directory', async () => {
    const res = await get(server.url, '/demo/');
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('article.html');
  });

  it('refuses paths that climb out of the served directory', async () => {
    for (const p of [
      '/../package.json',
      '/demo/../../package.json',
      '/%2e%2e/package.json',
      '/..%2fpackage.json',
    ]) {
      const res = await get(server.url, p);
      expect(res.status, p).toBeGreaterThanOrEqual(400);
      expect(res.body, p).not.toContain('"name": "glossa"');
    }
    expect(resolveRequestPath('/srv/root', '/a/%00b')).toBeNull();
    expect(resolveRequestPath('/srv/root', '/%E0%A4%A')).toBeNull();
  });

  it('answers 404 for a missing file', async () => {
    expect((await get(server.url, '/nope.html')).status).toBe(404);
  });
});
