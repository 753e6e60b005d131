// Charts for printed pages, drawn on the server as inline SVG: no script runs (the hall's CSP
// allows none inline) and Chromium prints them as vectors. Two kinds are enough for the
// bulletin: columns over categories (hours) and horizontal bars per name with a goal line.

export const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export const chartColors = {
  brand: '#1f4e79',
  light: '#8fb3d9',
  ok: '#2e7d4f',
  bad: '#b91c1c',
  goal: '#d97706',
  grid: '#d0d7de',
  ink: '#1f2933',
  muted: '#52606d',
};

export interface Series {
  name: string;
  values: readonly (number | null)[];
  color: string;
}

interface Goal {
  value: number;
  label: string;
}

/** A round top for an axis: 1, 2, 2.5 or 5 times a power of ten, at least `max`. */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * power >= max)!;
  return step * power;
}

/** Roughly how wide a text is drawn: CJK characters a full em, others a little over half. */
export const textWidth = (s: string, size: number) =>
  [...s].reduce((w, c) => w + (/[\u2e80-\uffef]/.test(c) ? size : size * 0.58), 0);

const f = (n: number) => (Math.round(n * 10) / 10).toString();

function text(
  x: number,
  y: number,
  body: string,
  attrs: {
    size?: number;
    anchor?: 'start' | 'middle' | 'end';
    fill?: string;
    weight?: 'bold';
    /** A white edge, so the text reads over a line it crosses. */
    halo?: boolean;
  },
): string {
  const size = attrs.size ?? 9;
  const weight = attrs.weight ? ` font-weight="${attrs.weight}"` : '';
  const halo = attrs.halo ? ' stroke="#fff" stroke-width="2.5" paint-order="stroke"' : '';
  return `<text x="${f(x)}" y="${f(y)}" font-size="${size}" text-anchor="${attrs.anchor ?? 'start'}" fill="${attrs.fill ?? chartColors.ink}"${weight}${halo}>${escapeXml(body)}</text>`;
}

function frame(title: string, width: number, height: number, body: string): string {
  return `<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}"><title>${escapeXml(title)}</title>${body}</svg>`;
}

function legend(series: readonly Series[], goal: Goal | undefined, x: number, y: number): string {
  let at = x;
  const parts: string[] = [];
  for (const s of series) {
    parts.push(`<rect x="${f(at)}" y="${f(y - 7)}" width="9" height="9" fill="${s.color}"/>`);
    parts.push(text(at + 12, y, s.name, { size: 8, fill: chartColors.muted }));
    at += 20 + textWidth(s.name, 8);
  }
  if (goal) {
    parts.push(
      `<line x1="${f(at)}" y1="${f(y - 3)}" x2="${f(at + 12)}" y2="${f(y - 3)}" stroke="${chartColors.goal}" stroke-width="1.5" stroke-dasharray="3 2"/>`,
    );
    parts.push(text(at + 15, y, goal.label, { size: 8, fill: chartColors.muted }));
  }
  return parts.join('');
}

const empty = (title: string, width: number, height: number, message: string) =>
  frame(
    title,
    width,
    height,
    text(width / 2, height / 2, message, { anchor: 'middle', fill: chartColors.muted }),
  );

/** Columns per category (e.g. per hour), one per series side by side, and a goal line. */
export function columnChart(spec: {
  title: string;
  categories: readonly string[];
  series: readonly Series[];
  format: (v: number) => string;
  goal?: Goal;
  emptyText: string;
  /** Write each value over its column (one series, few categories). */
  valueLabels?: boolean;
  /** The drawing's size in its own units (a page half is 360 × 200). */
  size?: { width: number; height: number };
}): string {
  const { width, height } = spec.size ?? { width: 360, height: 200 };
  const values = spec.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  if (spec.categories.length === 0 || values.length === 0)
    return empty(spec.title, width, height, spec.emptyText);
  const left = 34;
  const right = 8;
  const top = 22;
  const bottom = 22;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const max = niceMax(Math.max(...values, spec.goal?.value ?? 0));
  const y = (v: number) => top + plotH - (v / max) * plotH;
  // One series needs no legend: the caption names it.
  const keyed = spec.series.length > 1 || spec.goal !== undefined;
  const parts: string[] = [keyed ? legend(spec.series, spec.goal, left, 10) : ''];
  for (let i = 0; i <= 5; i++) {
    const v = (max / 5) * i;
    parts.push(
      `<line x1="${left}" y1="${f(y(v))}" x2="${width - right}" y2="${f(y(v))}" stroke="${chartColors.grid}" stroke-width="0.6"/>`,
      text(left - 4, y(v) + 3, spec.format(v), { size: 8, anchor: 'end', fill: chartColors.muted }),
    );
  }
  const group = plotW / spec.categories.length;
  const barW = Math.min(22, (group * 0.72) / spec.series.length);
  const every = Math.ceil(spec.categories.length / 14);
  spec.categories.forEach((category, i) => {
    const x0 = left + group * i + (group - barW * spec.series.length) / 2;
    spec.series.forEach((s, j) => {
      const v = s.values[i];
      if (v === null || v === undefined) return;
      const x = x0 + barW * j;
      parts.push(
        `<rect x="${f(x)}" y="${f(y(v))}" width="${f(barW)}" height="${f(top + plotH - y(v))}" fill="${s.color}"/>`,
      );
      if (spec.valueLabels && v > 0)
        parts.push(text(x + barW / 2, y(v) - 2, spec.format(v), { size: 7, anchor: 'middle' }));
    });
    if (i % every === 0)
      parts.push(
        text(left + group * (i + 0.5), height - bottom + 11, category, {
          size: 8,
          anchor: 'middle',
          fill: chartColors.muted,
        }),
      );
  });
  if (spec.goal)
    parts.push(
      `<line x1="${left}" y1="${f(y(spec.goal.value))}" x2="${width - right}" y2="${f(y(spec.goal.value))}" stroke="${chartColors.goal}" stroke-width="1.5" stroke-dasharray="4 3"/>`,
    );
  parts.push(
    `<line x1="${left}" y1="${top + plotH}" x2="${width - right}" y2="${top + plotH}" stroke="${chartColors.muted}" stroke-width="0.8"/>`,
  );
  return frame(spec.title, width, height, parts.join(''));
}

/**
 * One horizontal bar per name on a 0–`max` scale, the value written at its end; a bar short of
 * the goal is red, the goal a dashed line.
 */
export function barChart(spec: {
  title: string;
  rows: readonly { label: string; value: number }[];
  max: number;
  format: (v: number) => string;
  goal?: Goal;
  emptyText: string;
}): string {
  const width = 360;
  const rowH = 17;
  const top = 22;
  const height = Math.max(120, top + rowH * spec.rows.length + 8);
  if (spec.rows.length === 0) return empty(spec.title, width, 120, spec.emptyText);
  const left = 96;
  const right = 40;
  const plotW = width - left - right;
  const x = (v: number) => left + (Math.min(v, spec.max) / spec.max) * plotW;
  const bottom = top + rowH * spec.rows.length;
  const parts: string[] = [spec.goal ? legend([], spec.goal, left, 10) : ''];
  // The goal line first: the values written over it keep a white edge.
  if (spec.goal)
    parts.push(
      `<line x1="${f(x(spec.goal.value))}" y1="${top - 2}" x2="${f(x(spec.goal.value))}" y2="${bottom + 2}" stroke="${chartColors.goal}" stroke-width="1.5" stroke-dasharray="4 3"/>`,
    );
  spec.rows.forEach((row, i) => {
    const y = top + rowH * i;
    const short = spec.goal !== undefined && row.value < spec.goal.value;
    parts.push(
      text(left - 5, y + rowH / 2 + 3, row.label, { size: 9, anchor: 'end' }),
      `<rect x="${left}" y="${f(y + 3)}" width="${f(x(row.value) - left)}" height="${rowH - 6}" fill="${short ? chartColors.bad : chartColors.brand}"/>`,
      text(x(row.value) + 3, y + rowH / 2 + 3, spec.format(row.value), {
        size: 8,
        fill: short ? chartColors.bad : chartColors.ink,
        halo: true,
        ...(short ? { weight: 'bold' as const } : {}),
      }),
    );
  });
  parts.push(
    `<line x1="${left}" y1="${top}" x2="${left}" y2="${bottom}" stroke="${chartColors.muted}" stroke-width="0.8"/>`,
  );
  return frame(spec.title, width, height, parts.join(''));
}
