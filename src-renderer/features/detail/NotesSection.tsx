import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Referral } from '../../../src-shared';
import { useNoteDrafts } from '../../db/hooks';
import { useActions } from '../data/WorkspaceProvider';
import { useFormat } from '../format/use-format';
import { Section } from './Section';

/** Notes are append-only; the one being typed is kept as a draft in the database until sent. */
export function NotesSection({ referral: r }: { referral: Referral }) {
  const { t } = useTranslation();
  const f = useFormat();
  const drafts = useNoteDrafts(r.id);
  const notes = [...r.notes].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  return (
    <Section title={t('detail.notes')}>
      {drafts !== undefined && <NoteComposer referralId={r.id} draft={drafts[0] ?? null} />}
      <ul className="notes">
        {notes.map((n) => (
          <li key={n.id}>
            <p className="pre-wrap">{n.text}</p>
            <p className="muted small">
              {n.author || t('detail.someone')} · {f.dateTime(n.createdAt)}
            </p>
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** Starts from the saved draft; every pause in typing saves it again. */
function NoteComposer(props: { referralId: string; draft: { id: string; text: string } | null }) {
  const { t } = useTranslation();
  const actions = useActions();
  const r = { id: props.referralId };
  const [text, setText] = useState<string>(props.draft?.text ?? '');
  const draftId = useRef<string | null>(props.draft?.id ?? null);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [error, setError] = useState('');

  const change = (value: string) => {
    setText(value);
    setError('');
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => {
      void actions
        .saveNoteDraft({ ...(draftId.current ? { id: draftId.current } : {}), referralId: r.id, text: value })
        .then((id) => {
          draftId.current = id;
        });
    }, 300);
  };

  const send = async () => {
    if (!text || text.trim() === '') {
      setError(t('errors.required'));
      return;
    }
    if (saveTimer.current) clearTimeout(saveTimer.current);
    await actions.addNote({
      referralId: r.id,
      text,
      ...(draftId.current ? { noteId: draftId.current } : {}),
    });
    draftId.current = null;
    setText('');
  };

  return (
    <form
      className="note-form"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <label htmlFor={`note-${r.id}`} className="visually-hidden">
        {t('detail.newNote')}
      </label>
      <textarea
        id={`note-${r.id}`}
        rows={2}
        placeholder={t('detail.newNote')}
        value={text}
        aria-invalid={error !== ''}
        aria-describedby={error ? `note-${r.id}-error` : undefined}
        onChange={(e) => change(e.target.value)}
      />
      {error && (
        <p id={`note-${r.id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button">
        {t('detail.addNote')}
      </button>
    </form>
  );
}
