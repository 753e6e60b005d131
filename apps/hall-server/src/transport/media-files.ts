import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { mediaFile } from '../app/media-folder';

// `/media/<name>`: the hall's media folder (DATA_DIR/media), read-only, for the displays' media
// zone. A name is one plain file name (no folder, no `..`, no hidden file, a known type); a
// link is not followed; anything else is "not found", whatever its spelling or encoding.

const MEDIA_MAX_AGE_MS = 60_000;

export function registerMediaFiles(
  app: FastifyInstance,
  mediaDir: string | null,
  notFound: (req: FastifyRequest, reply: FastifyReply) => FastifyReply,
): void {
  app.get<{ Params: { '*': string } }>('/media/*', async (req, reply) => {
    const name = req.params['*'];
    const file =
      mediaDir === null || name.includes('/') || name.includes('\\')
        ? null
        : await mediaFile(mediaDir, name);
    if (!file) return notFound(req, reply);
    return reply.header('content-type', file.contentType).sendFile(name, mediaDir!, {
      dotfiles: 'deny',
      maxAge: MEDIA_MAX_AGE_MS,
      contentType: false,
    });
  });
}
