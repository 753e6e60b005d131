import type { KeyInput } from '../index';

/** A key press for the key tables: pressed, no modifier unless given. */
export const keyDown = (key: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  type: 'keyDown',
  key,
  control: false,
  alt: false,
  meta: false,
  shift: false,
  ...mods,
});
