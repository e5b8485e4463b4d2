// The built client is served compressed to browsers that accept it (Brotli, else gzip), and as it is otherwise.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/startServer.ts';

let server: RunningServer;
let clientDir: string;
const script = Array.from({ length: 3000 }, (_, i) => `export const note${i} = "What assurance is there? ${i}";`).join(
  '\n',
);

function get(
  pathname: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${server.baseUrl}${pathname}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  clientDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scopeboard-client-'));
  fs.mkdirSync(path.join(clientDir, 'assets'));
  fs.writeFileSync(path.join(clientDir, 'index.html'), `<!doctype html><title>Scopeboard</title>${' '.repeat(2000)}`);
  fs.writeFileSync(path.join(clientDir, 'assets', 'app-1a2b3c.js'), script);
  fs.writeFileSync(path.join(clientDir, 'assets', 'tiny-1a2b3c.js'), 'export {};');
  fs.writeFileSync(path.join(clientDir, 'assets', 'font-1a2b3c.woff2'), Buffer.alloc(4096, 7));
  server = await startServer({ env: { LOG_QUIET: '1', CLIENT_DIR: clientDir } });
});

afterAll(async () => {
  await server?.stop();
  fs.rmSync(clientDir, { recursive: true, force: true });
});

describe('the built client over HTTP', () => {
  it('sends Brotli when accepted, gzip when only gzip is, and the same bytes either way', async () => {
    const br = await get('/assets/app-1a2b3c.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toBe('Accept-Encoding');
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(script.length / 5);
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(script);
    expect(br.headers['cache-control']).toContain('immutable');

    const gz = await get('/assets/app-1a2b3c.js', { 'Accept-Encoding': 'gzip;q=1, br;q=0' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).toString()).toBe(script);
  });

  it('sends the file as it is to a client that accepts no encoding, and for small or binary files', async () => {
    const plain = await get('/assets/app-1a2b3c.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
    const tiny = await get('/assets/tiny-1a2b3c.js', { 'Accept-Encoding': 'br, gzip' });
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body.toString()).toBe('export {};');
    const font = await get('/assets/font-1a2b3c.woff2', { 'Accept-Encoding': 'br, gzip' });
    expect(font.headers['content-encoding']).toBeUndefined();
    expect(font.body.length).toBe(4096);
  });

  it('compresses the app page too, answers HEAD with the compressed length, and serves a rebuilt file anew', async () => {
    const page = await get('/b/some-board', { 'Accept-Encoding': 'gzip' });
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(page.body).toString()).toContain('<title>Scopeboard</title>');
    const head = await get('/b/some-board', { 'Accept-Encoding': 'gzip' }, 'HEAD');
    expect(head.body.length).toBe(0);
    expect(head.headers['content-length']).toBe(page.headers['content-length']);

    const rebuilt = `<!doctype html><title>Scopeboard, rebuilt</title>${' '.repeat(3000)}`;
    fs.writeFileSync(path.join(clientDir, 'index.html'), rebuilt);
    const again = await get('/', { 'Accept-Encoding': 'gzip' });
    expect(zlib.gunzipSync(again.body).toString()).toBe(rebuilt);
  });
});
