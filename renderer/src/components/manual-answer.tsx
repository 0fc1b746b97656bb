import { useId, useState } from 'react';
import type { DeviceRef } from '../../../common/domain/device.js';
import type { ManualAnswer as Answer } from '../../../common/domain/report.js';
import type { IpcError } from '../../../common/ipc/contract.js';
import { setAnswer } from '../bridge.js';
import { useT } from '../i18n.js';

const CHOICES: readonly Answer['answer'][] = ['yes', 'no', 'unsure'];

/** A step only the engineer can answer: yes / no / not sure, with a note; main records it in the report. */
export function ManualAnswerForm({ device, finding, question, saved, disabled }: {
  device: DeviceRef; finding: string; question: string; saved: Answer | null; disabled: boolean;
}) {
  const t = useT();
  const id = useId();
  const [answer, setChoice] = useState<Answer['answer'] | null>(saved?.answer ?? null);
  const [note, setNote] = useState(saved?.note ?? '');
  const [error, setError] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);
  const dirty = answer !== (saved?.answer ?? null) || note.trim() !== (saved?.note ?? '');
  return (
    <form
      className="manual-answer"
      onSubmit={(e) => {
        e.preventDefault();
        if (!answer) return;
        setBusy(true);
        void setAnswer(device, finding, answer, note).then((refused) => {
          setError(refused);
          setBusy(false);
        });
      }}
    >
      <fieldset disabled={disabled || busy}>
        <legend>{question}</legend>
        <div className="choices">
          {CHOICES.map((c) => (
            <label key={c} className="choice">
              <input type="radio" name={`${id}-answer`} value={c} checked={answer === c} onChange={() => setChoice(c)} />
              {t(`report.answer.${c}`)}
            </label>
          ))}
        </div>
        <label className="note-label">
          {t('ui.answer.note')}
          <input type="text" value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
        </label>
        <button type="submit" disabled={!answer || !dirty}>{t('ui.answer.save')}</button>
        {saved && !dirty && <span className="muted" role="status"> {t('ui.answer.saved', { answer: t(`report.answer.${saved.answer}`) })}</span>}
        {error && <span className="form-error" role="alert"> {error.message}</span>}
      </fieldset>
    </form>
  );
}
