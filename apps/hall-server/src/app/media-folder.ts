import { lstat, opendir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { MAX_MEDIA_ITEMS, type MediaItem, type MediaKind } from '@onestop/shared';
import type { Store } from '../store/store';

// The hall's media folder (DATA_DIR/media): the images and videos its displays play in their
// media zone (docs/display-layouts.md). Only plain files with a plain name and a known type
// are listed or served: no sub-folders, no links out of the folder, no hidden files.

const TYPES: Record<string, { kind: MediaKind; contentType: string }> = {
  jpg: { kind: 'image', contentType: 'image/jpeg' },
  jpeg: { kind: 'image', contentType: 'image/jpeg' },
  png: { kind: 'image', contentType: 'image/png' },
  webp: { kind: 'image', contentType: 'image/webp' },
  mp4: { kind: 'video', contentType: 'video/mp4' },
  webm: { kind: 'video', contentType: 'video/webm' },
};

/** Letters (any script), digits, space, `._()-`; starting with a letter or digit. */
const PLAIN_NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._()-]{0,114}\.([a-z0-9]{3,4})$/iu;

/** The type of a media file by its name, or null when the name is not one the hall serves. */
export function mediaTypeOf(name: string): { kind: MediaKind; contentType: string } | null {
  const match = PLAIN_NAME.exec(name);
  if (!match || name.includes('..')) return null;
  return TYPES[match[1]!.toLowerCase()] ?? null;
}

/** The media folder beside the hall's database (DATA_DIR/media). */
export function mediaDirOf(store: Store): string | null {
  const file = store.db.name;
  return file && file !== ':memory:' ? join(dirname(file), 'media') : null;
}

/** The folder's file `name` when it is one to serve: a plain file, not a link. */
export async function mediaFile(
  dir: string,
  name: string,
): Promise<{ path: string; contentType: string } | null> {
  const type = mediaTypeOf(name);
  if (!type) return null;
  const path = join(dir, name);
  const stat = await lstat(path).catch(() => null);
  return stat?.isFile() ? { path, contentType: type.contentType } : null;
}

/** The folder's media files in name order, at most MAX_MEDIA_ITEMS (the rest counted). */
export async function listMedia(
  dir: string | null,
): Promise<{ items: MediaItem[]; leftOff: number }> {
  if (dir === null) return { items: [], leftOff: 0 };
  const folder = await opendir(dir).catch(() => null);
  if (!folder) return { items: [], leftOff: 0 };
  const names: string[] = [];
  for await (const entry of folder) {
    if (entry.isFile() && mediaTypeOf(entry.name)) names.push(entry.name);
  }
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const items: MediaItem[] = [];
  for (const name of names.slice(0, MAX_MEDIA_ITEMS)) {
    const stat = await lstat(join(dir, name)).catch(() => null);
    if (stat?.isFile()) items.push({ name, kind: mediaTypeOf(name)!.kind, bytes: stat.size });
  }
  return { items, leftOff: Math.max(0, names.length - MAX_MEDIA_ITEMS) };
}
