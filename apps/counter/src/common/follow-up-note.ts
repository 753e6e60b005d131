import type { FollowUp, Snapshot } from '@onestop/shared';

/**
 * A 不满意 follow-up reads as the rating's reasons in the reader's language (the clerk's
 * 我的 panel and the console's follow-ups).
 */
export function followUpNote(hall: Snapshot, f: FollowUp, t: (key: string) => string): string {
  if (f.source !== 'dissatisfied') return f.note;
  const alert = hall.alerts.find((a) => a.id === f.alertId);
  const rating = hall.evaluations.find(
    (e) => e.id === alert?.subjectId || (e.ticketId === f.ticketId && e.score === 'dissatisfied'),
  );
  if (!rating) return f.note;
  const reasons = rating.reasons.map((r) => t(`reason.${r}`)).join('、');
  return reasons ? `${t('score.dissatisfied')}: ${reasons}` : t('score.dissatisfied');
}
