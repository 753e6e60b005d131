import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

// Serves the built web apps (each a single-page app) from their dist folders.

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.ico': 'image/x-icon',
};

export interface WebApp {
  /** URL paths this app answers, e.g. `/kiosk`, `/display`. */
  routes: string[];
  /** The app's build output (vite `dist`). */
  dir: string;
  title: string;
  /** What each route is, for the landing page (`/kiosk` → "self-service kiosk"). */
  screens?: Record<string, string>;
}

function serveFile(res: ServerResponse, file: string, cache: boolean): void {
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': cache ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  createReadStream(file).pipe(res);
}

export function createStaticFiles(apps: WebApp[]) {
  return function handle(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://hall').pathname);
    for (const app of apps) {
      if (!existsSync(app.dir)) continue;
      // Hashed assets are shared by all routes of an app.
      if (path.startsWith('/assets/') || app.routes.some((r) => path.startsWith(`${r}/assets/`))) {
        const rel = path.slice(path.indexOf('/assets/'));
        const file = normalize(join(app.dir, rel));
        if (file.startsWith(app.dir + sep) && existsSync(file) && statSync(file).isFile()) {
          serveFile(res, file, true);
          return true;
        }
        continue;
      }
      if (app.routes.some((r) => path === r || path.startsWith(`${r}/`))) {
        serveFile(res, join(app.dir, 'index.html'), false);
        return true;
      }
    }
    return false;
  };
}
