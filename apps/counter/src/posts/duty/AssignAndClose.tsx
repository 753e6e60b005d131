import type { Staff } from '@onestop/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOnline, usePending } from '../../common/desk';
import { staffLabel } from '../../common/hall-selectors';
import { RefusalFor } from './ConsoleDialog';

/**
 * The closed loop's two steps on one line, for opinions and follow-ups alike: give the item
 * to a member of staff, or close it with what was done (never without a result).
 */
export function AssignAndClose(props: {
  staff: Staff[];
  assignLabel: string;
  assignKey: string;
  onAssign: (staffId: string) => void;
  closeLabel: string;
  closeKey: string;
  resultLabel: string;
  resultPlaceholder: string;
  /** The shortest result the server accepts. */
  minResult: number;
  onClose: (result: string) => void;
}) {
  const { t } = useTranslation();
  const online = useOnline();
  const assigning = usePending(props.assignKey);
  const closing = usePending(props.closeKey);
  const [assignee, setAssignee] = useState('');
  const [result, setResult] = useState('');
  const enough = result.trim().length >= props.minResult;
  return (
    <>
      <div className="opinion-actions">
        <span className="assign">
          <select
            value={assignee}
            onChange={(e) => setAssignee(e.target.value)}
            aria-label={props.assignLabel}
          >
            <option value="">{props.assignLabel}</option>
            {props.staff.map((s) => (
              <option key={s.id} value={s.id}>
                {staffLabel(s)}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={!online || assigning || assignee === ''}
            onClick={() => props.onAssign(assignee)}
          >
            {t('console.assign')}
          </button>
        </span>
        <form
          className="complete"
          onSubmit={(e) => {
            e.preventDefault();
            if (enough) props.onClose(result.trim());
          }}
        >
          <input
            value={result}
            maxLength={500}
            placeholder={props.resultPlaceholder}
            aria-label={props.resultLabel}
            onChange={(e) => setResult(e.target.value)}
          />
          <button type="submit" className="primary" disabled={!online || closing || !enough}>
            {props.closeLabel}
          </button>
        </form>
      </div>
      <RefusalFor actionKey={props.assignKey} />
      <RefusalFor actionKey={props.closeKey} />
    </>
  );
}
