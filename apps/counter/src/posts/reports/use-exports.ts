import type { ErrorCode } from '@onestop/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useDesk, useSignedIn } from '../../common/desk';
import { ExportError, exportUrl, fetchExport, saveFile, type ExportProgress } from './download';
import type { DayRange } from './range';

// One export at a time: the XLSX workbook, a table's CSV, or the weekly bulletin to print.
// Progress and cancel for the one running; the outcome of the last one.

export type ExportKind = 'xlsx' | 'bulletin' | `csv:${string}`;

export interface RunningExport {
  kind: ExportKind;
  startedAt: number;
  progress: ExportProgress;
}

export type ExportOutcome =
  | { result: 'saved'; filename: string }
  | { result: 'printing' }
  | { result: 'cancelled' }
  | { result: 'failed'; code: ErrorCode };

/** The bulletin page in a frame of its own, printed from there (Save as PDF in the dialog). */
function printBulletin(html: string): void {
  document.querySelector('iframe.bulletin-frame')?.remove();
  const frame = document.createElement('iframe');
  frame.className = 'bulletin-frame';
  frame.dataset.testid = 'bulletin-frame';
  frame.title = 'bulletin';
  frame.srcdoc = html;
  frame.addEventListener('load', () => {
    frame.contentWindow?.focus();
    frame.contentWindow?.print();
  });
  document.body.append(frame);
}

/** Exports in the screen's language `lang`. */
export function useExports(range: DayRange, serviceLevel: number, lang: 'zh' | 'en') {
  const { deviceToken } = useDesk();
  const sessionToken = useSignedIn()?.sessionToken ?? null;
  const [running, setRunning] = useState<RunningExport | null>(null);
  const [outcome, setOutcome] = useState<ExportOutcome | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => setOutcome(null), [range.from, range.to]); // it spoke of the other range

  const start = useCallback(
    async (kind: ExportKind) => {
      if (abort.current) return;
      const controller = new AbortController();
      abort.current = controller;
      setOutcome(null);
      setRunning({ kind, startedAt: Date.now(), progress: { received: 0, total: null } });
      const asked = { ...range, serviceLevel, lang };
      const url =
        kind === 'xlsx'
          ? exportUrl({ ...asked, format: 'xlsx' })
          : kind === 'bulletin'
            ? exportUrl({ ...asked, format: 'html' })
            : exportUrl({ ...asked, format: 'csv', table: kind.slice(4) });
      try {
        const file = await fetchExport(
          url,
          { deviceToken, sessionToken },
          {
            signal: controller.signal,
            onProgress: (progress) => setRunning((r) => r && { ...r, progress }),
          },
        );
        if (kind === 'bulletin') {
          printBulletin(await file.blob.text());
          setOutcome({ result: 'printing' });
        } else {
          saveFile(file.blob, file.filename);
          setOutcome({ result: 'saved', filename: file.filename });
        }
      } catch (err) {
        if (controller.signal.aborted) setOutcome({ result: 'cancelled' });
        else
          setOutcome({
            result: 'failed',
            code: err instanceof ExportError ? err.code : 'internal_error',
          });
      } finally {
        abort.current = null;
        setRunning(null);
      }
    },
    [range, serviceLevel, lang, deviceToken, sessionToken],
  );

  const cancel = useCallback(() => abort.current?.abort(), []);
  return { running, outcome, start, cancel };
}

export type Exports = ReturnType<typeof useExports>;
