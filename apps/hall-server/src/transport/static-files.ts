import { existsSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

// Serves the built web apps (each a single-page app) from their dist folders. A dist folder
// may appear after the server started (`npm run build:web`), so each request looks afresh.

export interface WebApp {
  /** URL paths this app answers, e.g. `/kiosk`, `/display`. */
  routes: string[];
  /** The app's build output (vite `dist`). */
  dir: string;
  title: string;
  /** What each route is, for the landing page (`/kiosk` → "self-service kiosk"). */
  screens?: Record<string, string>;
}

const YEAR_MS = 365 * 24 * 3600 * 1000;

/** Whether `rel` names an existing file inside `root` (`..` out of it is refused). */
function fileIn(root: string, rel: string): boolean {
  const file = resolve(root, rel);
  return file.startsWith(root + sep) && existsSync(file) && statSync(file).isFile();
}

export async function registerStaticFiles(
  app: FastifyInstance,
  apps: WebApp[],
  notFound: (req: FastifyRequest, reply: FastifyReply) => FastifyReply,
): Promise<void> {
  await app.register(fastifyStatic, { root: process.cwd(), serve: false });

  // Hashed assets are shared by all routes of an app; they never change under one name.
  const asset = (req: FastifyRequest<{ Params: { '*': string } }>, reply: FastifyReply) => {
    const rel = req.params['*'];
    for (const web of apps) {
      const root = join(web.dir, 'assets');
      if (fileIn(root, rel))
        return reply.sendFile(rel, root, { maxAge: YEAR_MS, immutable: true, dotfiles: 'deny' });
    }
    return notFound(req, reply);
  };
  app.get<{ Params: { '*': string } }>('/assets/*', asset);

  for (const web of apps) {
    const page = (req: FastifyRequest, reply: FastifyReply) => {
      if (!existsSync(join(web.dir, 'index.html'))) return notFound(req, reply);
      return reply
        .header('cache-control', 'no-cache')
        .sendFile('index.html', web.dir, { cacheControl: false });
    };
    for (const route of web.routes) {
      app.get(route, page);
      app.get(`${route}/*`, page);
      app.get(`${route}/assets/*`, asset);
    }
  }
}
