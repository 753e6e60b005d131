import type { HallConnection } from '@onestop/client';
import type { OpinionCategory } from '@onestop/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Keypad } from '@onestop/ui';
import { isPhone, maskEntry } from '../common/masking';
import { TextKeyboard } from '../common/TextKeyboard';
import { BackOrSend, useKioskRequest } from './KioskRequest';
import { kioskStore } from './kiosk-store';

const CATEGORIES: readonly OpinionCategory[] = ['complaint', 'suggestion', 'praise', 'correction'];

/** Topic chips: each writes its phrase, and some say what kind of opinion it is. */
const TOPICS = [
  { key: 'topicWaitTooLong', category: 'complaint' },
  { key: 'topicAttitude', category: null },
  { key: 'topicBill', category: null },
  { key: 'topicOutage', category: null },
  { key: 'topicPraise', category: 'praise' },
  { key: 'topicFacilities', category: 'suggestion' },
  { key: 'topicProcess', category: 'suggestion' },
] as const satisfies readonly { key: string; category: OpinionCategory | null }[];

const MAX_TEXT = 500;

/**
 * The supervision box (监督箱): an opinion for the duty leader, written with topic chips and
 * the on-screen keyboard (pinyin or letters), with an optional callback phone on the keypad.
 */
export function OpinionBox({ connection }: { connection: HallConnection }) {
  const { t, i18n } = useTranslation();
  const [category, setCategory] = useState<OpinionCategory>('suggestion');
  const [text, setText] = useState('');
  const [phone, setPhone] = useState('');
  const [pad, setPad] = useState<'text' | 'phone'>('text');
  const { busy, problem: error, request } = useKioskRequest(connection);

  async function submit() {
    const sent = await request('opinion:submit', {
      category,
      text: text.trim(),
      ...(phone ? { contact: phone } : {}),
    });
    if (sent) kioskStore.getState().go({ name: 'thanks' });
  }

  const chooseTopic = (topic: (typeof TOPICS)[number]) => {
    const glue = text.trim() === '' ? '' : i18n.language.startsWith('zh') ? '，' : ', ';
    setText(`${text.trimEnd()}${glue}${t(topic.key)}`.slice(0, MAX_TEXT));
    if (topic.category) setCategory(topic.category);
    setPad('text');
  };

  const phoneProblem = phone !== '' && !isPhone(phone);
  return (
    <section className="details opinion">
      {/* What the opinion is about; and how it is typed (side by side on a landscape screen). */}
      <div className="opinion-about">
        <h2>{t('opinionTitle')}</h2>
        <div className="segmented opinion-category" role="group" aria-label={t('opinionCategory')}>
          {CATEGORIES.map((c) => (
            <button
              type="button"
              key={c}
              aria-pressed={category === c}
              onClick={() => setCategory(c)}
            >
              {t(c)}
            </button>
          ))}
        </div>
        <label className="field opinion-text">
          {t('opinionText')}
          <textarea
            rows={3}
            maxLength={MAX_TEXT}
            value={text}
            // The on-screen keyboard types here; the system's own keyboard stays away.
            inputMode="none"
            onFocus={() => setPad('text')}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <div className="field opinion-contact">
          <span id="callback-phone">{t('callbackPhone')}</span>
          <button
            type="button"
            className="entry contact-entry"
            aria-labelledby="callback-phone"
            aria-pressed={pad === 'phone'}
            data-testid="callback-phone"
            onClick={() => setPad('phone')}
          >
            {phone ? (
              maskEntry('phone', phone)
            ) : (
              <span className="entry-hint">{t('tapToEnter')}</span>
            )}
          </button>
          <span className="hint-error entry-feedback" aria-live="polite">
            {phoneProblem ? t('invalidPhone') : '\u00a0'}
          </span>
        </div>
      </div>
      <div className="opinion-input">
        <div className="topic-chips" role="group" aria-label={t('opinionTopics')}>
          {TOPICS.map((topic) => (
            <button type="button" key={topic.key} onClick={() => chooseTopic(topic)}>
              {t(topic.key)}
            </button>
          ))}
        </div>
        <div className="opinion-pad">
          {pad === 'text' ? (
            <TextKeyboard value={text} onChange={setText} maxLength={MAX_TEXT} />
          ) : (
            <div className="opinion-keypad">
              <Keypad value={phone} onChange={setPhone} maxLength={12} label={t('callbackPhone')} />
              <button type="button" className="keypad-back" onClick={() => setPad('text')}>
                {t('backToText')}
              </button>
            </div>
          )}
        </div>
      </div>
      {error && (
        <p role="alert" className="hint-error">
          {error}
        </p>
      )}
      <BackOrSend
        busy={busy}
        ready={text.trim().length >= 2 && !phoneProblem}
        label={t('submit')}
        onSend={submit}
      />
    </section>
  );
}
