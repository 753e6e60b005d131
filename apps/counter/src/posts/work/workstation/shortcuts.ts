// The workstation's keyboard: every action has a key, shown on its button. The most frequent
// (call, recall, start, finish) sit on F1–F4 like a hardware caller; F5, F11 and F12 stay the
// browser's. The rest are Alt + a letter, matched by physical key so any layout or IME works.

export const workActions = [
  'callNext',
  'recall',
  'start',
  'finish',
  'noShow',
  'transfer',
  'park',
  'resume',
  'returnToQueue',
  'callTicket',
  'walkIn',
  'openCase',
  'createTask',
  'lookup',
  'openCounter',
  'pauseCounter',
  'closeCounter',
] as const;
export type WorkAction = (typeof workActions)[number];

type Key = { code: string; alt?: true };

export const shortcutKeys: Record<WorkAction, Key> = {
  callNext: { code: 'F1' },
  recall: { code: 'F2' },
  start: { code: 'F3' },
  finish: { code: 'F4' },
  noShow: { code: 'F6' },
  transfer: { code: 'F7' },
  park: { code: 'F8' },
  resume: { code: 'F9' },
  returnToQueue: { code: 'F10' },
  callTicket: { code: 'KeyC', alt: true },
  walkIn: { code: 'KeyW', alt: true },
  openCase: { code: 'KeyK', alt: true },
  createTask: { code: 'KeyT', alt: true },
  lookup: { code: 'KeyL', alt: true },
  openCounter: { code: 'KeyO', alt: true },
  pauseCounter: { code: 'KeyP', alt: true },
  closeCounter: { code: 'KeyX', alt: true },
};

/** What a keydown event carries that matters here. */
export interface KeyPress {
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/** The action a key press asks for, or null. Ctrl/Meta/Shift combinations are left alone. */
export function matchShortcut(press: KeyPress): WorkAction | null {
  if (press.ctrlKey || press.metaKey || press.shiftKey) return null;
  for (const action of workActions) {
    const key = shortcutKeys[action];
    if (key.code === press.code && Boolean(key.alt) === press.altKey) return action;
  }
  return null;
}

/** `F1`, `Alt+C`: what the button shows. */
export function shortcutLabel(action: WorkAction): string {
  const key = shortcutKeys[action];
  const name = key.code.startsWith('Key') ? key.code.slice(3) : key.code;
  return key.alt ? `Alt+${name}` : name;
}
