import type { HallConnection } from '@onestop/client';
import type { OpinionCategory } from '@onestop/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAckText } from '../common/ack-text';
import { kioskStore } from './kiosk-store';

const CATEGORIES: readonly OpinionCategory[] = ['complaint', 'suggestion', 'praise', 'correction'];

/** The supervision box (监督箱): an opinion for the duty leader, with an optional contact. */
export function OpinionBox({ connection }: { connection: HallConnection }) {
  const { t } = useTranslation();
  const ackText = useAckText();
  const [category, setCategory] = useState<OpinionCategory>('suggestion');
  const [text, setText] = useState('');
  const [contact, setContact] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { go } = kioskStore.getState();

  async function submit() {
    setBusy(true);
    setError(null);
    const ack = await connection.send(
      'opinion:submit',
      {
        category,
        text: text.trim(),
        ...(contact.trim() ? { contact: contact.trim() } : {}),
      },
      { giveUpAfterMs: 15_000 },
    );
    setBusy(false);
    if (ack.ok) go({ name: 'thanks' });
    else setError(ackText(ack));
  }

  const contactOk = contact.trim() === '' || contact.trim().length >= 3;
  return (
    <section className="details opinion">
      <h2>{t('opinionTitle')}</h2>
      <p className="details-help">{t('supervisionHelp')}</p>
      <div className="segmented" role="group" aria-label={t('opinionCategory')}>
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
      <label className="field">
        {t('opinionText')}
        <textarea rows={6} maxLength={500} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <label className="field">
        {t('contactOptional')}
        <input value={contact} maxLength={60} onChange={(e) => setContact(e.target.value)} />
      </label>
      {error && (
        <p role="alert" className="hint-error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={() => go({ name: 'menu' })}>
          {t('back')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy || text.trim().length < 2 || !contactOk}
          onClick={() => void submit()}
        >
          {busy ? t('sending') : t('submit')}
        </button>
      </div>
    </section>
  );
}
