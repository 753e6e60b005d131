import { QuestionKind, type Question, type QuestionInput } from '@onestop/shared';
import { useLang } from '@onestop/ui';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesk, useOnline, useStaffView } from '../../../common/desk';
import { named, serviceById } from '../../../common/hall-selectors';
import { useQuery } from '../../../common/use-query';
import { ActionDialog, useDialog } from '../ConsoleDialog';
import { AdminList, EditButton } from './AdminList';
import { CheckField, ServiceField, TextField } from './fields';

// 题库 (issue 19): the questions per service and topic the quizzes draw from, with their right
// answers and explanations; retired ones stay for past attempts. In and out as XLSX (the
// columns: docs/knowledge-checks.md); an import that has a bad row keeps nothing.

const LETTERS = 'ABCDEFGH';
const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** The file as base64, for `admin:import-questions`. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text);
}

function download(fileName: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(
    new Blob([bytes], {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    }),
  );
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function QuestionBankAdmin({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { hall } = useStaffView();
  const { connection } = useDesk();
  const online = useOnline();
  const [round, setRound] = useState(0);
  const [serviceId, setServiceId] = useState('');
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const dialog = useDialog<{ question: Question | null }>();
  const bank = useQuery(
    'admin:list-questions',
    { retired: true, ...(serviceId ? { serviceId } : {}) },
    online ? `${serviceId}:${round}` : null,
  );
  const changed = () => {
    setRound((n) => n + 1);
    onChanged();
  };

  const importFile = async (f: File) => {
    setNote(null);
    const ack = await connection.send('admin:import-questions', { fileBase64: await base64Of(f) });
    if (ack.ok) {
      setNote({ ok: true, text: t('quiz.admin.imported', ack.data) });
      changed();
    } else setNote({ ok: false, text: ack.message });
  };
  const exportFile = async () => {
    const ack = await connection.send('admin:export-questions', serviceId ? { serviceId } : {});
    if (ack.ok) download(ack.data.fileName, ack.data.fileBase64);
    else setNote({ ok: false, text: ack.message });
  };

  return (
    <>
      <div className="knowledge-tools">
        <ServiceField
          label={t('quiz.admin.service')}
          value={serviceId}
          onChange={setServiceId}
          anyLabel={t('quiz.admin.allServices')}
        />
        <button type="button" disabled={!online} onClick={() => file.current?.click()}>
          {t('quiz.admin.import')}
        </button>
        <input
          ref={file}
          type="file"
          hidden
          data-testid="questions-file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void importFile(f);
          }}
        />
        <button type="button" disabled={!online} onClick={() => void exportFile()}>
          {t('quiz.admin.export')}
        </button>
        {note && (
          <span
            className={note.ok ? 'ok' : 'error'}
            role={note.ok ? 'status' : 'alert'}
            data-testid="questions-import-note"
          >
            {note.text}
          </span>
        )}
      </div>
      <AdminList
        testId="admin-questions"
        title={t('quiz.admin.bank')}
        explain={bank.error ? t(`errors.${bank.error}`) : t('quiz.admin.bankExplain')}
        newLabel={t('quiz.admin.newQuestion')}
        onNew={() => dialog.show({ question: null })}
        empty={bank.data ? t('quiz.admin.noQuestions') : t('common.loading')}
        rows={bank.data?.questions ?? []}
        rowData={(q) => ({ 'data-question': q.id })}
        inactive={(q) => !q.active}
        columns={[
          { className: 'muted', cell: (q) => <code>{q.id}</code> },
          { cell: (q) => named(serviceById(hall, q.serviceId), lang) },
          { cell: (q) => q.topic },
          { cell: (q) => t(`quiz.kind.${q.kind}`) },
          { cell: (q) => q.prompt },
          { className: 'muted', cell: (q) => (q.active ? '' : t('quiz.admin.retired')) },
          {
            className: 'actions',
            cell: (q) => <EditButton onClick={() => dialog.show({ question: q })} />,
          },
        ]}
      >
        {dialog.open && (
          <QuestionDialog question={dialog.open.question} onClose={dialog.close} onDone={changed} />
        )}
      </AdminList>
    </>
  );
}

function QuestionDialog(props: {
  question: Question | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { hall } = useStaffView();
  const q = props.question;
  const [serviceId, setServiceId] = useState(q?.serviceId ?? hall.services[0]?.id ?? '');
  const [topic, setTopic] = useState(q?.topic ?? '');
  const [kind, setKind] = useState<QuestionKind>(q?.kind ?? 'single');
  const [prompt, setPrompt] = useState(q?.prompt ?? '');
  const [options, setOptions] = useState(q?.options.join('\n') ?? '');
  const [correct, setCorrect] = useState(q?.correct.map((i) => LETTERS[i]).join(',') ?? '');
  const [accepted, setAccepted] = useState(q?.accepted.join('\n') ?? '');
  const [explanation, setExplanation] = useState(q?.explanation ?? '');
  const [active, setActive] = useState(q?.active ?? true);
  const picked = correct
    .toUpperCase()
    .split(/[,\s]+/)
    .filter(Boolean)
    .map((l) => LETTERS.indexOf(l));
  const ready = topic.trim() && prompt.trim() && explanation.trim() && !picked.includes(-1);
  const question: QuestionInput = {
    ...(q ? { id: q.id } : {}),
    serviceId,
    topic: topic.trim(),
    kind,
    prompt: prompt.trim(),
    options: kind === 'short' ? [] : lines(options),
    correct: kind === 'short' ? [] : picked,
    accepted: kind === 'short' ? lines(accepted) : [],
    explanation: explanation.trim(),
    active,
  };
  return (
    <ActionDialog
      title={q ? t('quiz.admin.editQuestion') : t('quiz.admin.newQuestion')}
      actionKey="admin-question"
      command="admin:save-question"
      testId="question-dialog"
      confirmLabel={t('console.admin.save')}
      payload={ready ? { question } : null}
      onClose={props.onClose}
      onDone={props.onDone}
    >
      <div className="form-grid">
        <ServiceField label={t('quiz.admin.service')} value={serviceId} onChange={setServiceId} />
        <TextField label={t('quiz.admin.topic')} value={topic} onChange={setTopic} maxLength={40} />
        <label>
          {t('quiz.admin.kind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as QuestionKind)}>
            {QuestionKind.options.map((k) => (
              <option key={k} value={k}>
                {t(`quiz.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <CheckField label={t('quiz.admin.active')} checked={active} onChange={setActive} />
      </div>
      <label>
        {t('quiz.admin.prompt')}
        <textarea value={prompt} maxLength={500} onChange={(e) => setPrompt(e.target.value)} />
      </label>
      {kind === 'short' ? (
        <label>
          {t('quiz.admin.accepted')}
          <textarea value={accepted} onChange={(e) => setAccepted(e.target.value)} />
        </label>
      ) : (
        <>
          <label>
            {t('quiz.admin.options')}
            <textarea value={options} onChange={(e) => setOptions(e.target.value)} />
          </label>
          <TextField label={t('quiz.admin.correct')} value={correct} onChange={setCorrect} />
        </>
      )}
      <label>
        {t('quiz.admin.explanation')}
        <textarea
          value={explanation}
          maxLength={1000}
          onChange={(e) => setExplanation(e.target.value)}
        />
      </label>
    </ActionDialog>
  );
}
