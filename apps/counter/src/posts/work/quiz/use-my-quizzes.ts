import { useCallback, useState } from 'react';
import { useSignedIn } from '../../../common/desk';
import { useQuery } from '../../../common/use-query';

/**
 * The signed-in clerk's quizzes due and retraining rows (`knowledge:my-quizzes`), asked again
 * after each attempt (`refresh`) and at each sign-in.
 */
export function useMyQuizzes() {
  const signedIn = useSignedIn();
  const [round, setRound] = useState(0);
  const key = signedIn ? `${signedIn.session.id}:${round}` : null;
  const state = useQuery('knowledge:my-quizzes', signedIn ? {} : null, key);
  const refresh = useCallback(() => setRound((n) => n + 1), []);
  return { state, refresh };
}

export type MyQuizzes = ReturnType<typeof useMyQuizzes>;
