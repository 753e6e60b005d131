import type { Staff } from '@onestop/shared';

/** The staff member's photo, or a placeholder with the first character of their name. */
export function Avatar({ staff, size = 96 }: { staff: Staff | undefined; size?: number }) {
  const style = { width: size, height: size, fontSize: size * 0.45 };
  if (staff?.photoUrl)
    return <img className="avatar" src={staff.photoUrl} alt={staff.name} style={style} />;
  return (
    <div className="avatar placeholder" style={style} role="img" aria-label={staff?.name ?? ''}>
      {staff ? [...staff.name][0] : ''}
    </div>
  );
}
