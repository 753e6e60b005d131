import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

// The pieces every console panel is built from: its head (title, the stale mark while the
// link is down, then its own controls) and a row of tab buttons (the console's tabs, the
// admin's sections, a panel's filters).

export function PanelHead(props: { title: ReactNode; stale?: boolean; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <header className="panel-head">
      <h3>{props.title}</h3>
      {props.stale && <span className="badge stale">{t('common.stale')}</span>}
      {props.children}
    </header>
  );
}

/** One button a tab, the current one selected; `data` names the attribute that carries it. */
export function TabButtons<T extends string>(props: {
  tabs: readonly T[];
  current: T;
  onPick: (tab: T) => void;
  label: (tab: T) => ReactNode;
  data?: 'tab' | 'section';
}) {
  return props.tabs.map((tab) => (
    <button
      key={tab}
      type="button"
      role="tab"
      {...(props.data ? { [`data-${props.data}`]: tab } : {})}
      aria-selected={props.current === tab}
      onClick={() => props.onPick(tab)}
    >
      {props.label(tab)}
    </button>
  ));
}

/** A panel's filters as segments, each with how many it holds. */
export function FilterTabs<T extends string>(props: {
  filters: readonly T[];
  current: T;
  onPick: (filter: T) => void;
  label: (filter: T) => string;
  count?: (filter: T) => number;
}) {
  return (
    <div className="seg" role="tablist">
      <TabButtons
        tabs={props.filters}
        current={props.current}
        onPick={props.onPick}
        label={(f) => (
          <>
            {props.label(f)}
            {props.count && <span className="count">{props.count(f)}</span>}
          </>
        )}
      />
    </div>
  );
}
