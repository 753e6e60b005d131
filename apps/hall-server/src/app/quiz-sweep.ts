import type { Hall } from './hall';
import { closeAbandonedAttempts } from './handlers/knowledge-handlers';

// Knowledge checks: a quiz attempt left open is closed for the clerk half an hour past its
// time limit or, untimed, once its business day has ended and it is half an hour old
// (domain/knowledge.ts `isAbandoned`). Every minute the server scores those as they stand, so a
// clerk who starts a quiz and never submits it goes on the retraining list as one who submits
// it blank would.

export interface QuizSweep {
  /** How many attempts were closed. */
  runOnce(): number;
  stop(): void;
}

export function startQuizSweep(hall: Hall, options: { intervalMs?: number } = {}): QuizSweep {
  const runOnce = () => hall.runSystem('quiz-attempt-sweep', closeAbandonedAttempts) ?? 0;
  const timer = setInterval(runOnce, options.intervalMs ?? 60_000);
  timer.unref();
  return { runOnce, stop: () => clearInterval(timer) };
}
