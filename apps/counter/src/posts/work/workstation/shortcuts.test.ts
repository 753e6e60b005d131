import { describe, expect, it } from 'vitest';
import {
  matchShortcut,
  shortcutKeys,
  shortcutLabel,
  workActions,
  type KeyPress,
} from './shortcuts';

const press = (code: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  code,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});

describe('matchShortcut', () => {
  it.each([
    { press: press('F1'), action: 'callNext' },
    { press: press('F2'), action: 'recall' },
    { press: press('F3'), action: 'start' },
    { press: press('F4'), action: 'finish' },
    { press: press('F6'), action: 'noShow' },
    { press: press('F7'), action: 'transfer' },
    { press: press('F8'), action: 'park' },
    { press: press('F9'), action: 'resume' },
    { press: press('F10'), action: 'returnToQueue' },
    { press: press('KeyC', { altKey: true }), action: 'callTicket' },
    { press: press('KeyW', { altKey: true }), action: 'walkIn' },
    { press: press('KeyP', { altKey: true }), action: 'pauseCounter' },
    // Left to the browser or to typing:
    { press: press('F5'), action: null },
    { press: press('F12'), action: null },
    { press: press('KeyC'), action: null },
    { press: press('F1', { ctrlKey: true }), action: null },
    { press: press('F1', { altKey: true }), action: null },
    { press: press('KeyC', { altKey: true, shiftKey: true }), action: null },
  ] as const)('$press.code alt=$press.altKey → $action', ({ press: p, action }) => {
    expect(matchShortcut(p)).toBe(action);
  });

  it('gives every action its own key', () => {
    const keys = workActions.map(
      (a) => `${shortcutKeys[a].alt ? 'alt+' : ''}${shortcutKeys[a].code}`,
    );
    expect(new Set(keys).size).toBe(workActions.length);
    for (const a of workActions)
      expect(
        matchShortcut(press(shortcutKeys[a].code, { altKey: Boolean(shortcutKeys[a].alt) })),
      ).toBe(a);
  });
});

describe('shortcutLabel', () => {
  it.each([
    { action: 'callNext', label: 'F1' },
    { action: 'returnToQueue', label: 'F10' },
    { action: 'callTicket', label: 'Alt+C' },
    { action: 'closeCounter', label: 'Alt+X' },
  ] as const)('$action → $label', ({ action, label }) => {
    expect(shortcutLabel(action)).toBe(label);
  });
});
