import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk, useOnline, usePending } from './desk';

// A callback phone is shown masked; its owner (or the duty leader) may see the whole number of
// this one record by giving a reason, which the hall's audit log keeps with their name.

export function RevealContact({
  subject,
  id,
  masked,
}: {
  subject: 'follow_up' | 'opinion' | 'ticket';
  id: string;
  masked: string;
}) {
  const { t } = useTranslation();
  const { runner } = useDesk();
  const online = useOnline();
  const key = `reveal:${subject}:${id}`;
  const pending = usePending(key);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [phone, setPhone] = useState<string | null>(null);

  async function reveal() {
    const ack = await runner.run(key, 'customer:reveal-contact', {
      subject,
      id,
      reason: reason.trim(),
    });
    if (ack?.ok) {
      setPhone(ack.data.phone ?? '');
      setAsking(false);
    }
  }

  if (phone !== null) {
    return (
      <span className="reveal-contact shown" data-testid="revealed-phone">
        <strong>{phone || t('reveal.none')}</strong>{' '}
        {phone && <span className="muted">{t('reveal.callHint')}</span>}
      </span>
    );
  }
  return (
    <span className="reveal-contact" data-testid="callback-phone">
      <span>{masked}</span>{' '}
      {asking ? (
        <>
          <input
            value={reason}
            maxLength={200}
            placeholder={t('reveal.reasonPlaceholder')}
            aria-label={t('reveal.reason')}
            onChange={(e) => setReason(e.target.value)}
          />
          <button
            type="button"
            className="primary"
            disabled={!online || pending || reason.trim().length < 2}
            onClick={() => void reveal()}
          >
            {t('reveal.confirm')}
          </button>
          <button type="button" onClick={() => setAsking(false)}>
            {t('common.cancel')}
          </button>
        </>
      ) : (
        <button type="button" disabled={!online} onClick={() => setAsking(true)}>
          {t('reveal.show')}
        </button>
      )}
    </span>
  );
}
