// The screens' shared UI (issue 17 item 2): what the counter's and the kiosk's screens both use.
export { Dialog } from './Dialog';
export { Keypad, keypadPress } from './Keypad';
export { LazyScreen } from './LazyScreen';
export { uiNamespace, uiStrings } from './strings';
