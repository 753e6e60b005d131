import { z } from 'zod';
import { command, def, query } from './command-kit';
import { DisplayLayout, DisplayLayoutKind, DisplayOrientation, Id, MediaItem } from './model';

// Display layouts and the hall's media folder (issue 19 item 3); docs/display-layouts.md.

const ADMIN = ['admin'] as const;

export const displayCommands = {
  'admin:set-display-layout': def({
    kind: 'command',
    input: command({ deviceId: Id, layout: DisplayLayoutKind, orientation: DisplayOrientation }),
    output: z.object({ displayLayout: DisplayLayout }),
    roles: ADMIN,
    summary: "Choose a hall display's layout and orientation; the display changes at once.",
  }),
  'display:settings': def({
    kind: 'query',
    input: query({}),
    output: z.object({
      deviceId: Id,
      layout: DisplayLayoutKind,
      orientation: DisplayOrientation,
    }),
    roles: ['display'],
    summary: 'This display: its device id, layout and orientation (later changes come as records).',
  }),
  'display:media': def({
    kind: 'query',
    input: query({}),
    output: z.object({
      items: z.array(MediaItem),
      /** Files past the listing's bound, left off. */
      leftOff: z.number().int().nonnegative(),
    }),
    roles: 'paired',
    summary: "The hall's media folder (images and videos the display plays), in name order.",
  }),
} as const;
