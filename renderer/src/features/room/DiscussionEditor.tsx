import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '@shared/domain';
import { describeError } from '../../components/errors';
import { db, saveDiscussion } from '../../db';

/**
 * Live minutes of one item. Every keystroke is written to IndexedDB; writes are coalesced so
 * at most one is in flight and the latest text always wins. Closing the window can lose only
 * the write in flight, a fraction of a second of typing.
 */
export function DiscussionEditor({ item, locked }: { item: AgendaItem; locked: boolean }) {
  const { t } = useTranslation();
  const [text, setText] = useState(item.discussion);
  const [state, setState] = useState<'saved' | 'saving' | { error: string }>('saved');
  const pending = useRef<string | null>(null);
  const writing = useRef(false);

  // Another window (or a restore) changed the text while this editor is idle: follow it.
  useEffect(() => {
    if (!writing.current && pending.current === null) setText(item.discussion);
  }, [item.discussion]);

  async function flush() {
    if (writing.current) return;
    writing.current = true;
    try {
      while (pending.current !== null) {
        const next = pending.current;
        pending.current = null;
        setState('saving');
        await saveDiscussion(db, item.id, next);
      }
      setState('saved');
    } catch (e) {
      setState({ error: describeError(t, e) });
    } finally {
      writing.current = false;
    }
  }

  return (
    <div className="discussion">
      <div className="discussion-head">
        <label htmlFor={`discussion-${item.id}`}>{t('room.discussion')}</label>
        <span className="muted small" aria-live="polite" data-testid="save-state">
          {typeof state === 'object' ? (
            <span className="field-error">{state.error}</span>
          ) : state === 'saving' ? (
            t('room.saving')
          ) : (
            t('room.savedAt')
          )}
        </span>
      </div>
      <textarea
        id={`discussion-${item.id}`}
        value={text}
        readOnly={locked}
        rows={10}
        aria-describedby={`discussion-hint-${item.id}`}
        onChange={(e) => {
          setText(e.target.value);
          pending.current = e.target.value;
          void flush();
        }}
      />
      <span id={`discussion-hint-${item.id}`} className="field-hint">
        {t('room.discussionHint')}
      </span>
    </div>
  );
}
