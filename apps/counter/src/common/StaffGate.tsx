import type { StaffRole } from '@onestop/shared';
import { useEffect, type ReactNode } from 'react';
import { useDesk, useSignedIn, useView } from './desk';
import { endSession, sessionStillOpen } from './session-store';
import { SignInScreen } from './SignInScreen';

/** Shows the sign-in screen until a staff member of this post is signed in on the desk. */
export function StaffGate(props: {
  title: string;
  roles: readonly StaffRole[];
  children: ReactNode;
}) {
  const desk = useDesk();
  const signedIn = useSignedIn();
  const hall = useView((v) => (v.link === 'online' ? v.hall : null));
  const ended = hall !== null && signedIn !== null && !sessionStillOpen(hall, signedIn);
  useEffect(() => {
    // Signed out elsewhere (the duty leader, another tab) or expired: back to sign-in.
    if (ended) void endSession(desk.connection, desk.session);
  }, [ended, desk]);
  if (!signedIn || ended) return <SignInScreen title={props.title} roles={props.roles} />;
  return <>{props.children}</>;
}
