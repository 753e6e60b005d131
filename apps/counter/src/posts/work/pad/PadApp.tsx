import type { Counter, EvaluationReason, EvaluationScore, Snapshot } from '@onestop/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../common/Avatar';
import { DeskGate } from '../../../common/DeskGate';
import { useDesk, useNow, useOnline, usePending, useView } from '../../../common/desk';
import { rememberPadCounter, rememberedPadCounter } from '../../../common/device-identity';
import { counterById, staffById } from '../../../common/hall-selectors';
import { LanguageToggle } from '../../../common/LanguageToggle';
import { noTaps, openQuestion, padScreen, type PadTaps } from './pad-view';

// The customer-facing evaluation pad (/pad): the clerk's name, number and photo while idle;
// after each finished service, four big buttons, reasons after 不满意, then thanks. The clerk
// cannot rate from the workstation: only this pad's device may answer its counter's question.

const scores: EvaluationScore[] = ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied'];
const reasons: EvaluationReason[] = [
  'attitude',
  'waiting',
  'efficiency',
  'professionalism',
  'other',
];
const THANKS_MS = 5000;

export function PadApp() {
  return (
    <DeskGate>
      <Pad />
    </DeskGate>
  );
}

/** `?counter=N`, else what pairing or an earlier question told this pad. */
function padCounter(hall: Snapshot): Counter | null {
  const param = new URLSearchParams(window.location.search).get('counter');
  if (param) return hall.counters.find((c) => String(c.number) === param || c.id === param) ?? null;
  const seen = hall.evaluations[0]?.counterId ?? null;
  const id = seen ?? rememberedPadCounter();
  return counterById(hall, id) ?? null;
}

function Pad() {
  const { t } = useTranslation();
  const { runner } = useDesk();
  const hall = useView((v) => v.hall)!;
  const online = useOnline();
  const now = useNow(1000);
  const [taps, setTaps] = useState<PadTaps>(noTaps);
  const counter = padCounter(hall);
  const seen = hall.evaluations[0]?.counterId;
  useEffect(() => {
    if (seen) rememberPadCounter(seen);
  }, [seen]);
  const question = counter ? openQuestion(hall.evaluations, counter.id) : null;
  const screen = padScreen({ counter, question, taps, now });
  const clerk = staffById(hall, question?.staffId ?? counter?.staffId ?? null);
  const sending = usePending('rate');

  async function rate(score: EvaluationScore, picked: EvaluationReason[] = []) {
    if (!question) return;
    const ack = await runner.run('rate', 'evaluation:submit', {
      ticketId: question.ticketId,
      score,
      reasons: picked,
    });
    if (!ack) return;
    // Answered, or closed meanwhile (timed out): either way this customer is done.
    if (ack.ok || ack.code === 'evaluation_closed') runner.clearRefusal();
    setTaps({ reasonsFor: null, thanksUntil: ack.ok ? Date.now() + THANKS_MS : 0 });
  }

  return (
    <main className={`pad pad-on-${screen}`} data-testid="pad" data-screen={screen}>
      <header className="pad-top">
        <span>{counter ? t('counter.number', { number: counter.number }) : ''}</span>
        {!online && <span className="badge stale">{t('pad.offline')}</span>}
        <LanguageToggle />
      </header>
      {screen === 'ask' || screen === 'reasons' ? (
        <section className="pad-question">
          <div className="pad-clerk small">
            <Avatar staff={clerk} size={56} />
            <span>
              {clerk?.name} <small>{t('pad.staffNo', { no: clerk?.staffNo ?? '' })}</small>
            </span>
          </div>
          {screen === 'ask' ? (
            <>
              <h1>{t('pad.ask')}</h1>
              <div className="pad-scores">
                {scores.map((s) => (
                  <button
                    key={s}
                    type="button"
                    className={`score ${s}`}
                    disabled={!online || sending}
                    onClick={() =>
                      s === 'dissatisfied'
                        ? setTaps({ ...taps, reasonsFor: question!.id })
                        : void rate(s)
                    }
                  >
                    {t(`score.${s}`)}
                  </button>
                ))}
              </div>
            </>
          ) : (
            <Reasons
              disabled={!online || sending}
              onBack={() => setTaps(noTaps)}
              onSubmit={(picked) => void rate('dissatisfied', picked)}
            />
          )}
        </section>
      ) : screen === 'thanks' ? (
        <section className="pad-thanks">
          <h1>{t('pad.thanks')}</h1>
          <p>{t('pad.thanksMore')}</p>
        </section>
      ) : (
        <section className="pad-idle">
          {screen === 'idle' && clerk ? (
            <>
              <Avatar staff={clerk} size={150} />
              <h1 data-testid="pad-clerk">{clerk.name}</h1>
              <p className="staff-no">{t('pad.staffNo', { no: clerk.staffNo })}</p>
              <p className="welcome">{t('pad.welcome')}</p>
            </>
          ) : (
            <h1>{t(`pad.${screen === 'idle' ? 'closed' : screen}`)}</h1>
          )}
          <p className="hall">{hall.config.nameZh}</p>
        </section>
      )}
    </main>
  );
}

function Reasons(props: {
  disabled: boolean;
  onBack: () => void;
  onSubmit: (picked: EvaluationReason[]) => void;
}) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<EvaluationReason[]>([]);
  return (
    <>
      <h1>{t('pad.why')}</h1>
      <div className="pad-reasons">
        {reasons.map((r) => (
          <button
            key={r}
            type="button"
            aria-pressed={picked.includes(r)}
            onClick={() =>
              setPicked(picked.includes(r) ? picked.filter((x) => x !== r) : [...picked, r])
            }
          >
            {t(`reason.${r}`)}
          </button>
        ))}
      </div>
      <div className="pad-actions">
        <button type="button" onClick={props.onBack}>
          {t('pad.back')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={props.disabled}
          onClick={() => props.onSubmit(picked)}
        >
          {t('pad.submit')}
        </button>
      </div>
    </>
  );
}
