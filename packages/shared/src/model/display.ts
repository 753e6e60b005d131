import { z } from 'zod';
import { EpochMs, Id } from './common';

// What each hall display shows (issue 19 item 3): its layout and orientation, chosen by the
// admin per display device, and the hall's media folder as the display's media zone plays it.

/** `calls`: calls only; `calls_waiting`: and waiting per service; `calls_notices_media`: calls,
 *  the duty leader's notice and the media zone. */
export const DisplayLayoutKind = z.enum(['calls', 'calls_waiting', 'calls_notices_media']);
export type DisplayLayoutKind = z.infer<typeof DisplayLayoutKind>;

export const DisplayOrientation = z.enum(['landscape', 'portrait']);
export type DisplayOrientation = z.infer<typeof DisplayOrientation>;

/** A display without a chosen layout shows calls and waiting, landscape (as before issue 19). */
export const DEFAULT_DISPLAY_LAYOUT = {
  layout: 'calls_waiting',
  orientation: 'landscape',
} as const satisfies { layout: DisplayLayoutKind; orientation: DisplayOrientation };

export const DisplayLayout = z.object({
  /** The display's device id (one layout per display; `id` as every record kind, so that a
   *  device's copy of the hall merges it like the others). */
  id: Id,
  layout: DisplayLayoutKind,
  orientation: DisplayOrientation,
  updatedAt: EpochMs,
  changeSeq: z.number().int().nonnegative(),
});
export type DisplayLayout = z.infer<typeof DisplayLayout>;

export const MediaKind = z.enum(['image', 'video']);
export type MediaKind = z.infer<typeof MediaKind>;

/** One file of the hall's media folder, as `/media/<name>` serves it. */
export const MediaItem = z.object({
  name: z.string().min(1).max(120),
  kind: MediaKind,
  bytes: z.number().int().nonnegative(),
});
export type MediaItem = z.infer<typeof MediaItem>;

/** At most this many files are listed (in name order); more are left off and said so. */
export const MAX_MEDIA_ITEMS = 200;
/** How long each image stays on screen; a video plays to its end. */
export const MEDIA_IMAGE_SECONDS = 10;
