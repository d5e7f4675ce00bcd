// A static file server for an app's built output, on 127.0.0.1.
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
};

const servers = new Set();

/**
 * Serves `root` on 127.0.0.1 (a free port). `cors`: every answer allows any origin.
 * `substitute`: in .html files, every `from` is replaced by `to` (a host's template).
 */
export async function serve(root, { cors = false, substitute } = {}) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    let file = path.join(root, decodeURIComponent(url.pathname));
    const headers = { 'Cache-Control': 'no-store' };
    if (cors) headers['Access-Control-Allow-Origin'] = '*';
    if (!file.startsWith(root + path.sep) && file !== root) {
      res.writeHead(403, headers).end();
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = path.join(file, 'index.html');
      let body = await readFile(file);
      const type = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      if (substitute && path.extname(file) === '.html') body = Buffer.from(body.toString('utf8').replaceAll(substitute.from, substitute.to));
      requests.push({ path: url.pathname, status: 200 });
      res.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Length': body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      if (url.pathname === '/favicon.ico') {
        // Chromium asks for one by itself; none of the apps has one, and its 404 is no finding.
        res.writeHead(204, headers).end();
        return;
      }
      requests.push({ path: url.pathname, status: 404 });
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('Not found');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  servers.add(server);
  return {
    port: server.address().port,
    requests,
    close: () =>
      new Promise((resolve) => {
        servers.delete(server);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Closes every server still open. */
export function closeServers() {
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
}
