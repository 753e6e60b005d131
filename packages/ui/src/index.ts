// The screens' shared UI (issue 17 item 2): what the counter's and the kiosk's screens both use.
export { Dialog } from './Dialog';
export {
  formatClock,
  formatDateTime,
  formatDuration,
  fromDateTimeInput,
  langOf,
  toDateTimeInput,
  type Lang,
} from './format';
export { Keypad, keypadPress } from './Keypad';
export { LazyScreen } from './LazyScreen';
export {
  createScanDetector,
  defaultScanTiming,
  useScanner,
  type ScanTiming,
  type ScanVerdict,
} from './scanner';
export { PairingFeedback, PairingScreen } from './PairingScreen';
export {
  afterAttempt,
  atTime,
  canPair,
  refusalText,
  secondsLeft,
  type PairingAttempt,
  type PairingState,
} from './pairing-state';
export { credentialsReady, pinOf, PIN_MAX_LENGTH, staffNoOf } from './sign-in';
export { SignInFields } from './SignInFields';
export { uiNamespace, uiStrings } from './strings';
export { useLang } from './use-lang';
export { startLanguage, type Language, type ScreenLanguage } from './i18n';
