import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SimpleKeyboard as Keyboard } from 'simple-keyboard';
import 'simple-keyboard/build/css/index.css';
import { imeDictionary } from './ime-dictionary';
import { candidates } from './pinyin-ime';

// The kiosk's on-screen keyboard for free text (simple-keyboard): pinyin with candidates from
// the hall's dictionary (pinyin-ime), or plain letters, digits and punctuation. What it types
// is appended to the text; the kiosk has no hardware keyboard.

// Pinyin writes Chinese punctuation; letters, English punctuation.
const LAYOUT = {
  pinyin: [
    '1 2 3 4 5 6 7 8 9 0 {bksp}',
    'q w e r t y u i o p',
    'a s d f g h j k l',
    'z x c v b n m ， 。',
    '{mode} {space} ？ ！',
  ],
  letters: [
    '1 2 3 4 5 6 7 8 9 0 {bksp}',
    'q w e r t y u i o p',
    'a s d f g h j k l',
    'z x c v b n m , .',
    '{mode} {space} ? !',
  ],
};
/** Candidates laid out at once; those that do not fit the bar wait for the next page. */
const PAGE = 10;
const MAX_TYPING = 30;

export function TextKeyboard({
  value,
  onChange,
  maxLength,
}: {
  value: string;
  onChange: (text: string) => void;
  maxLength: number;
}) {
  const { t, i18n } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  // Pinyin for a Chinese screen, letters for an English one; 拼音/ABC switches.
  const [pinyinMode, setPinyinMode] = useState(() => i18n.language.startsWith('zh'));
  const [typing, setTyping] = useState('');
  // Pages start where the previous one stopped: as many candidates as the bar can show.
  const [starts, setStarts] = useState<number[]>([0]);
  const [fit, setFit] = useState(PAGE);
  const row = useRef<HTMLDivElement>(null);
  const found = useMemo(() => candidates(imeDictionary(), typing), [typing]);
  const start = starts[starts.length - 1]!;
  const shown = found.slice(start, start + PAGE);
  useLayoutEffect(() => {
    const el = row.current;
    if (!el) return;
    const right = el.getBoundingClientRect().right + 0.5;
    const past = [...el.children].findIndex((c) => c.getBoundingClientRect().right > right);
    setFit(Math.max(1, past === -1 ? el.children.length : past));
  });

  const add = (text: string) => onChange((value + text).slice(0, maxLength));
  const type = (next: string) => {
    setTyping(next.slice(0, MAX_TYPING));
    setStarts([0]);
  };
  /** The best candidate (or the letters themselves) for what is typed, before other keys. */
  const committed = () => (typing.trim() ? (found[0]?.text ?? typing.trim()) : '');
  const choose = (text: string, consumed: number) => {
    add(text);
    type(typing.slice(consumed).replace(/^[\s']+/, ''));
  };

  // simple-keyboard calls back with the handler it was given first; keep it current.
  const press = useRef<(key: string) => void>(() => undefined);
  press.current = (key: string) => {
    if (key === '{mode}') {
      if (typing) add(typing.trim());
      type('');
      setPinyinMode(!pinyinMode);
    } else if (key === '{bksp}') {
      if (typing) type(typing.slice(0, -1));
      else onChange([...value].slice(0, -1).join(''));
    } else if (key === '{space}') {
      if (typing) type(`${typing}'`);
      else add(' ');
    } else if (pinyinMode && /^[a-z]$/.test(key)) {
      type(typing + key);
    } else {
      add(committed() + key);
      type('');
    }
  };

  const display = useMemo(
    () => ({
      '{bksp}': '⌫',
      '{space}': t('keySpace'),
      '{mode}': pinyinMode ? t('keyModePinyin') : t('keyModeLetters'),
    }),
    [t, pinyinMode],
  );
  const keyboard = useRef<Keyboard | null>(null);
  useEffect(() => {
    if (!host.current) return;
    keyboard.current = new Keyboard(host.current, {
      layout: LAYOUT,
      layoutName: 'pinyin',
      useButtonTag: true,
      disableButtonHold: true,
      preventMouseDownDefault: true,
      theme: 'hg-theme-default text-keyboard',
      onKeyPress: (key: string) => press.current(key),
    });
    return () => {
      keyboard.current?.destroy();
      keyboard.current = null;
    };
  }, []);
  useEffect(() => {
    keyboard.current?.setOptions({
      layoutName: pinyinMode ? 'pinyin' : 'letters',
      display,
      buttonAttributes: [
        { attribute: 'aria-label', value: t('delete'), buttons: '{bksp}' },
        { attribute: 'aria-label', value: t('keyMode'), buttons: '{mode}' },
      ],
      buttonTheme: [{ class: 'key-mode-pinyin', buttons: pinyinMode ? '{mode}' : '' }].filter(
        (b) => b.buttons,
      ),
    });
  }, [display, t, pinyinMode]);

  return (
    <div className="text-keyboard-wrap">
      <div className="ime-bar" role="group" aria-label={t('candidates')}>
        <output className="ime-typing" data-testid="ime-typing">
          {typing || <span className="ime-hint">{pinyinMode ? t('imeHint') : '\u00a0'}</span>}
        </output>
        <div className="ime-candidates" ref={row}>
          {shown.map((c, i) => (
            <button
              type="button"
              key={c.text}
              className="ime-candidate"
              // Laid out to be measured, shown only when it fits the bar.
              style={i < fit ? undefined : { visibility: 'hidden' }}
              onClick={() => choose(c.text, c.consumed)}
            >
              <span className="ime-index" aria-hidden="true">
                {i + 1}
              </span>
              {c.text}
            </button>
          ))}
        </div>
        {found.length > fit && (
          <div className="ime-pages">
            <button
              type="button"
              aria-label={t('candidatesBack')}
              disabled={starts.length === 1}
              onClick={() => setStarts(starts.slice(0, -1))}
            >
              ‹
            </button>
            <button
              type="button"
              aria-label={t('candidatesMore')}
              disabled={start + fit >= found.length}
              onClick={() => setStarts([...starts, start + fit])}
            >
              ›
            </button>
          </div>
        )}
      </div>
      <div ref={host} className="simple-keyboard" />
    </div>
  );
}
