import { existsSync, lstatSync, readFileSync, realpathSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

// The hall display's recorded voice (docs/recorded-voice.md), read-only under /voice/:
//   GET /voice/zh-CN/manifest.json  what each clip says (the built-in list, the hall's added)
//   GET /voice/zh-CN/<clip>         the clip: the hall's own (DATA_DIR/voice/zh-CN/<clip>.*) if
//                                   it has one, else the built-in one (apps/hall-server/voice/)
// Only a known language and a plain clip name are looked up; anything else is "Not found".

/** The clips' file kinds, in the order a clip's file is looked for, and their content types. */
const AUDIO = {
  ogg: 'audio/ogg',
  opus: 'audio/ogg',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
} as const;

export const VOICE_LANGS = ['zh-CN'] as const;

/** A clip's name: a digit, a letter or a word in pinyin (`hao-chuang-kou`). */
export const CLIP_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38}[A-Za-z0-9])?$/;

export const VoiceManifest = z.object({
  lang: z.string().optional(),
  clips: z
    .array(
      z.strictObject({
        name: z.string().regex(CLIP_NAME),
        text: z.string().min(1).max(20),
      }),
    )
    .max(500),
});
export type VoiceManifest = z.infer<typeof VoiceManifest>;

/**
 * The built-in clips' folder: beside the bundle in dist/ (scripts/build-targets.mjs copies it
 * there), else apps/hall-server/voice/ from the sources.
 */
export function builtInVoiceDir(): string {
  const beside = fileURLToPath(new URL('./voice/', import.meta.url));
  return existsSync(beside) ? beside : fileURLToPath(new URL('../../voice/', import.meta.url));
}

/** A regular file `name` right inside `dir` (no link out of it), or null. */
function fileIn(dir: string, name: string): string | null {
  const file = join(dir, name);
  try {
    if (!lstatSync(file).isFile()) return null;
    const real = realpathSync(file);
    return real.startsWith(realpathSync(dir) + sep) ? real : null;
  } catch {
    return null;
  }
}

function manifestIn(dir: string): VoiceManifest | null {
  const file = fileIn(dir, 'manifest.json');
  if (!file) return null;
  try {
    const parsed = VoiceManifest.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The built-in manifest with the hall's clips over it (same name: the hall's text). */
export function mergedManifest(lang: string, dirs: string[]): VoiceManifest {
  const clips = new Map<string, string>();
  for (const dir of [...dirs].reverse()) {
    for (const c of manifestIn(join(dir, lang))?.clips ?? []) clips.set(c.name, c.text);
  }
  return { lang, clips: [...clips].map(([name, text]) => ({ name, text })) };
}

/** The clip's file in the first of `dirs` (the hall's first) that has one. */
export function clipFile(
  lang: string,
  name: string,
  dirs: string[],
): { file: string; type: string } | null {
  if (!CLIP_NAME.test(name)) return null;
  for (const dir of dirs) {
    for (const [ext, type] of Object.entries(AUDIO)) {
      const file = fileIn(join(dir, lang), `${name}.${ext}`);
      if (file) return { file, type };
    }
  }
  return null;
}

/** `dataDir`'s voice folder first (the hall's clips win), then the built-in one. */
export function registerVoiceFiles(app: FastifyInstance, dataDir: string | null): void {
  const dirs = [...(dataDir ? [join(dataDir, 'voice')] : []), builtInVoiceDir()];
  const notFound = (reply: FastifyReply) =>
    reply.code(404).type('text/plain; charset=utf-8').send('Not found');
  app.get(
    '/voice/:lang/:file',
    (req: FastifyRequest<{ Params: { lang: string; file: string } }>, reply) => {
      const { lang, file } = req.params;
      if (!(VOICE_LANGS as readonly string[]).includes(lang)) return notFound(reply);
      // The hall may change its clips at any time: each screen asks again (ETag) on loading.
      reply.header('cache-control', 'no-cache');
      if (file === 'manifest.json') return reply.send(mergedManifest(lang, dirs));
      const clip = clipFile(lang, file, dirs);
      if (!clip) return notFound(reply);
      return reply
        .type(clip.type)
        .sendFile(clip.file.split(sep).pop()!, clip.file.slice(0, clip.file.lastIndexOf(sep)), {
          cacheControl: false,
          dotfiles: 'deny',
        });
    },
  );
}
