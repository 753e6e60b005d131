// A segmented row of tabs, one chosen: the report's sections, the range presets.

export function SegTabs<K extends string>({
  keys,
  chosen,
  onChoose,
  text,
  label,
  data,
  className = 'seg',
  as: Tag = 'div',
}: {
  keys: readonly K[];
  chosen: K | null;
  onChoose: (key: K) => void;
  text: (key: K) => string;
  /** What the tabs choose, for screen readers. */
  label: string;
  /** The data attribute that names each tab for tests (`data-section="hours"`). */
  data: 'section' | 'preset';
  className?: string;
  /** The sections are the report's navigation. */
  as?: 'div' | 'nav';
}) {
  return (
    <Tag className={className} role="tablist" aria-label={label}>
      {keys.map((key) => (
        <button
          key={key}
          type="button"
          role="tab"
          {...{ [`data-${data}`]: key }}
          aria-selected={chosen === key}
          onClick={() => onChoose(key)}
        >
          {text(key)}
        </button>
      ))}
    </Tag>
  );
}
