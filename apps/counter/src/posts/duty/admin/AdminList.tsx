import type { CommandName, CommandPayload } from '@onestop/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionDialog } from '../ConsoleDialog';
import { PanelHead } from '../Panel';
import { TextField } from './fields';

// The administration's one shape: a list of the hall's records (a row each, an edit button) and
// a form that saves one record whole through its `admin:save-*` command. Each section says only
// its columns and its fields.

export interface AdminColumn<T> {
  /** No heads at all: the table has no head row. */
  head?: ReactNode;
  className?: string;
  cell: (row: T) => ReactNode;
}

/** The data attributes a row carries for the screen tests, e.g. `{ 'data-counter': 3 }`. */
type RowData = Record<`data-${string}`, string | number>;

export function AdminList<T extends { id: string }>(props: {
  testId: string;
  title: string;
  explain?: string;
  /** The head's button for a new record (a list with nothing beside its title has a plain one). */
  newLabel?: string;
  onNew?: () => void;
  /** Said instead of the table when there are no rows; without it the table stays. */
  empty?: string;
  rows: readonly T[];
  columns: readonly AdminColumn<T>[];
  rowData: (row: T) => RowData;
  inactive?: (row: T) => boolean;
  /** The open dialog, if any. */
  children?: ReactNode;
}) {
  const heads = props.columns.some((c) => c.head !== undefined);
  return (
    <section className="card" data-testid={props.testId}>
      {props.newLabel || props.explain ? (
        <PanelHead title={props.title}>
          {props.explain && <span className="muted">{props.explain}</span>}
          <span className="spacer" />
          {props.newLabel && (
            <button type="button" className="primary" onClick={props.onNew}>
              {props.newLabel}
            </button>
          )}
        </PanelHead>
      ) : (
        <h3>{props.title}</h3>
      )}
      {props.empty !== undefined && props.rows.length === 0 ? (
        <p className="muted empty">{props.empty}</p>
      ) : (
        <table className="grid-table">
          {heads && (
            <thead>
              <tr>
                {props.columns.map((c, i) => (
                  <th key={i}>{c.head}</th>
                ))}
              </tr>
            </thead>
          )}
          <tbody>
            {props.rows.map((row) => (
              <tr
                key={row.id}
                {...props.rowData(row)}
                {...(props.inactive ? { className: props.inactive(row) ? 'inactive' : '' } : {})}
              >
                {props.columns.map((c, i) => (
                  <td key={i} className={c.className}>
                    {c.cell(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.children}
    </section>
  );
}

/** A row's edit button. */
export function EditButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" onClick={onClick}>
      {t('console.admin.edit')}
    </button>
  );
}

/**
 * The form that saves one record (`admin:save-<record>`): its id (fixed once the record
 * exists) and its fields in the form grid, then anything more. `record` names the action and
 * the test id (`<record>-dialog`).
 */
export function SaveDialog<K extends CommandName>(props: {
  record: string;
  command: K;
  title: string;
  /** Null while the form is incomplete. */
  payload: CommandPayload<K> | null;
  id: string;
  onId: (id: string) => void;
  /** An existing record: its id cannot change. */
  editing: boolean;
  fields: ReactNode;
  children?: ReactNode;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ActionDialog
      title={props.title}
      actionKey={`admin-${props.record}`}
      command={props.command}
      testId={`${props.record}-dialog`}
      confirmLabel={t('console.admin.save')}
      payload={props.payload}
      onClose={props.onClose}
    >
      <div className="form-grid">
        <TextField
          label={t('console.admin.id')}
          value={props.id}
          onChange={props.onId}
          disabled={props.editing}
        />
        {props.fields}
      </div>
      {props.children}
    </ActionDialog>
  );
}
