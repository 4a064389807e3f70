import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_DISCUSSION_LENGTH, sanitizeText } from '@shared/domain';
import { Button } from '../../components/Button';
import { describeError } from '../../components/errors';
import { db, saveDiscussion, useItemDiscussion, useSetting } from '../../db';
import { draftJournal } from '../../db/meetings/draftJournal';
import { platform } from '../../platform';
import { DiscussionSaver, type SaveStatus } from './discussionSaver';
import { findRecovery, type Recovery } from './draftRecovery';
import { EditLock, type EditLockState } from './editLock';
import { JournalWriter } from './journalWriter';

/** Text that could not be saved when its editor closed (too long, conflict, error): shown again on return. */
const drafts = new Map<string, { text: string; base: string }>();
/** Saves still running after an editor closed: the next editor of the item waits for them. */
const settling = new Map<string, Promise<void>>();
/** Show the counter from this share of the limit on. */
const COUNTER_FROM = 0.9;

const sameStatus = (a: SaveStatus, b: SaveStatus) =>
  a.kind === b.kind &&
  (a.kind !== 'tooLong' || a.length === (b as typeof a).length) &&
  (a.kind !== 'conflict' || a.stored === (b as typeof a).stored) &&
  (a.kind !== 'error' || a.error === (b as typeof a).error);

/**
 * Live minutes of one item. Only one window edits an item at a time (EditLock); the others
 * show the stored text read-only, say who edits, and can take over. Saving: see DiscussionSaver.
 * The editor reads its stored text itself, so typing (and each save) renders this component
 * alone, not the item panel or the room around it.
 *
 * Every change also goes to the draft journal (JournalWriter). When this window starts editing
 * an item, text left in the journal by an editor that is gone (a reload, a crash) is put back
 * and saved, or shown beside a stored text that changed since (draftRecovery.ts).
 */
export const DiscussionEditor = memo(function DiscussionEditor({
  itemId: id,
  locked,
}: {
  itemId: string;
  locked: boolean;
}) {
  const { t } = useTranslation();
  const userName = useSetting('userName');
  const nameRef = useRef<string | undefined>(undefined);
  useEffect(() => {
    nameRef.current = userName || undefined;
  }, [userName]);
  const stored = useItemDiscussion(id);
  const [text, setText] = useState<string | undefined>(undefined);
  const [status, setStatusState] = useState<SaveStatus>({ kind: 'saved' });
  // The saver reports after every keystroke; the same status again renders nothing.
  const setStatus = useCallback(
    (next: SaveStatus) => setStatusState((prev) => (sameStatus(prev, next) ? prev : next)),
    [],
  );
  const [lock, setLock] = useState<EditLockState>({ kind: 'pending' });
  const [ready, setReady] = useState(false);
  /** Looking for text left in the journal: the editor waits, so nothing typed meets a recovery. */
  const [recovering, setRecovering] = useState(false);
  const [recovery, setRecovery] = useState<Recovery | null>(null);
  const saverRef = useRef<DiscussionSaver | null>(null);
  const writerRef = useRef<JournalWriter | null>(null);
  const lockRef = useRef<EditLock | null>(null);

  useEffect(() => {
    let gone = false;
    let saver: DiscussionSaver | null = null;
    let editLock: EditLock | null = null;
    let writer: JournalWriter | null = null;
    void (async () => {
      await settling.get(id);
      const item = await db.agendaItems.get(id);
      const stored = item?.discussion ?? '';
      if (gone) return;
      const draft = drafts.get(id);
      drafts.delete(id);
      writer = item ? new JournalWriter(draftJournal, id, item.meetingId) : null;
      writerRef.current = writer;
      saver = new DiscussionSaver(
        draft?.base ?? stored,
        (next, expected) => saveDiscussion(db, id, next, expected),
        setStatus,
        { journal: writer ?? undefined },
      );
      saverRef.current = saver;
      if (draft) saver.change(draft.text);
      setText(saver.text);
      setStatus(saver.status());
      setReady(true);
      if (locked) {
        // Approved minutes take nothing from the journal; what was left there is dropped, and said.
        if (item && !draft)
          void findRecovery(id, stored, { sealed: true, ownWriter: writer?.id }).then((r) => {
            if (!gone && r.kind === 'sealed') setRecovery(r);
          });
        return;
      }
      // Granted (at start, or after another window edited): start from what is stored now, and
      // take back what an editor that is gone left in the journal.
      const onHeld = async () => {
        const s = saver!;
        setRecovering(true);
        try {
          const fresh = await db.agendaItems.get(id);
          if (!fresh || gone) return;
          if (s.follow(fresh.discussion)) setText(fresh.discussion);
          // Text typed or kept here (a draft of this window) is never replaced.
          if (s.unsaved) return;
          const found = await findRecovery(id, fresh.discussion, {
            sealed: false,
            ownWriter: writer?.id,
          });
          if (gone || s.unsaved) return;
          if (found.kind === 'recover') s.change(found.text);
          else if (found.kind === 'conflict') s.showConflict(found.text, fresh.discussion);
          else return;
          setText(found.text);
          setRecovery(found);
        } finally {
          if (!gone) setRecovering(false);
        }
      };
      editLock = new EditLock(id, {
        holderName: () => nameRef.current,
        beforeHandOver: () => saver!.flush(),
        onChange: (state) => {
          setLock(state);
          if (state.kind === 'other' && state.lost) void saver!.flush();
          if (state.kind === 'held') void onHeld();
        },
      });
      lockRef.current = editLock;
      editLock.start();
    })();
    return () => {
      gone = true;
      if (!saver) return;
      const s = saver;
      const l = editLock;
      const w = writer;
      const done = s
        .flush()
        .finally(() => {
          s.dispose();
          l?.stop();
          if (s.unsaved) drafts.set(id, { text: s.text, base: s.storedText });
          return w?.dispose();
        })
        .finally(() => {
          if (settling.get(id) === done) settling.delete(id);
        });
      settling.set(id, done);
    };
  }, [id, locked, setStatus]);

  // Another window (or a restore) changed the stored text while nothing is pending here.
  useEffect(() => {
    if (stored !== undefined && saverRef.current?.follow(stored)) setText(stored);
  }, [stored]);

  // Leaving the window or the page writes what is pending at once.
  useEffect(() => {
    const flush = () => void saverRef.current?.flush();
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    // Browser mode only: ask before closing a tab whose text cannot be saved. (Electron would
    // silently refuse to close instead of asking.)
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      const kind = saverRef.current?.status().kind;
      if (kind === 'tooLong' || kind === 'conflict' || kind === 'error') e.preventDefault();
    };
    // A journal write still running when the page goes may go with it: keep a spare copy.
    const onPageHide = () => {
      flush();
      writerRef.current?.flushSync();
    };
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('blur', flush);
    document.addEventListener('visibilitychange', onHidden);
    if (platform.kind === 'web') window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('blur', flush);
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, []);

  const editing = ready && !recovering && !locked && lock.kind === 'held';
  // Until the saver is ready, the stored text (read-only): the box never shows up empty first.
  const shown = text ?? stored ?? '';
  const unsavable =
    status.kind === 'tooLong' || status.kind === 'conflict' || status.kind === 'error';
  const hintId = `discussion-hint-${id}`;
  const problemId = `discussion-problem-${id}`;

  return (
    <div className="discussion">
      <div className="discussion-head">
        <label htmlFor={`discussion-${id}`}>{t('room.discussion')}</label>
        <span className="muted small" aria-live="polite" data-testid="save-state">
          {unsavable ? (
            <span className="field-error">{t('room.discussionUnsaved')}</span>
          ) : status.kind === 'saving' ? (
            t('room.saving')
          ) : (
            t('room.savedAt')
          )}
        </span>
      </div>
      {recovery && <RecoveryNotice recovery={recovery} onDismiss={() => setRecovery(null)} />}
      {!locked && <LockNotice lock={lock} unsaved={status.kind !== 'saved'} />}
      {!locked && (lock.kind === 'other' || lock.kind === 'taking') && (
        <div>
          <Button
            isDisabled={lock.kind === 'taking'}
            onPress={() => void lockRef.current?.takeOver()}
          >
            {lock.kind === 'taking' ? t('room.discussionTakingOver') : t('room.discussionTakeOver')}
          </Button>
        </div>
      )}
      <textarea
        id={`discussion-${id}`}
        value={shown}
        readOnly={!editing}
        rows={10}
        aria-invalid={status.kind === 'tooLong' || undefined}
        aria-describedby={unsavable ? `${problemId} ${hintId}` : hintId}
        onBlur={() => void saverRef.current?.flush()}
        onChange={(e) => {
          if (!editing) return;
          // Control characters and bidi overrides a paste can bring are dropped here, so what
          // the editor shows is exactly what is stored (the repository refuses them).
          const value = sanitizeText(e.target.value);
          setText(value);
          saverRef.current?.change(value);
        }}
      />
      <div id={problemId}>
        <SaveProblem
          status={status}
          canChoose={editing}
          onKeepMine={() => void saverRef.current?.keepMine()}
          onTakeStored={() => {
            const kept = saverRef.current?.takeStored();
            if (kept !== undefined) setText(kept);
          }}
        />
      </div>
      <span id={hintId} className="field-hint">
        {t('room.discussionHint')}
        {shown.length >= MAX_DISCUSSION_LENGTH * COUNTER_FROM && (
          <>
            {' '}
            <span data-testid="discussion-count">
              {t('room.discussionCount', { length: shown.length, max: MAX_DISCUSSION_LENGTH })}
            </span>
          </>
        )}
      </span>
    </div>
  );
});
// Kept through minification: the room's render-count test finds the editor by this name.
DiscussionEditor.displayName = 'DiscussionEditor';

function RecoveryNotice({ recovery, onDismiss }: { recovery: Recovery; onDismiss: () => void }) {
  const { t } = useTranslation();
  let message: string;
  if (recovery.kind === 'recover' || recovery.kind === 'conflict')
    message = recovery.inserted
      ? t('room.discussionRecovered', { count: recovery.inserted })
      : t('room.discussionRecoveredEdits');
  else if (recovery.kind === 'sealed')
    message = recovery.lost
      ? t('room.discussionRecoveryDropped', { count: recovery.lost })
      : t('room.discussionRecoveryDroppedEdits');
  else return null;
  return (
    <div className="discussion-recovered" role="status" data-testid="discussion-recovered">
      <p>{message}</p>
      {recovery.kind === 'sealed' && (
        <details>
          <summary>{t('room.discussionRecoveryShow')}</summary>
          <textarea
            value={recovery.text}
            readOnly
            rows={6}
            aria-label={t('room.discussionRecoveryShow')}
          />
        </details>
      )}
      <Button onPress={onDismiss}>{t('room.discussionRecoveryDismiss')}</Button>
    </div>
  );
}

function LockNotice({ lock, unsaved }: { lock: EditLockState; unsaved: boolean }) {
  const { t } = useTranslation();
  let message: string | null = null;
  if (lock.kind === 'handing') message = t('room.discussionHanding');
  else if (lock.kind === 'other' || lock.kind === 'taking') {
    const name = lock.holder;
    if (lock.kind === 'other' && lock.lost)
      message = [
        name ? t('room.discussionLostBy', { name }) : t('room.discussionLost'),
        unsaved ? '' : t('room.discussionLostSaved'),
        t('room.discussionReadOnlyHere'),
      ]
        .filter(Boolean)
        .join(' ');
    else message = name ? t('room.discussionHeldBy', { name }) : t('room.discussionHeldElsewhere');
  }
  if (!message) return null;
  return (
    <p className="discussion-lock" role="status" data-testid="discussion-lock">
      {message}
    </p>
  );
}

function SaveProblem({
  status,
  canChoose,
  onKeepMine,
  onTakeStored,
}: {
  status: SaveStatus;
  canChoose: boolean;
  onKeepMine: () => void;
  onTakeStored: () => void;
}) {
  const { t } = useTranslation();
  if (status.kind === 'tooLong')
    return (
      <p className="field-error" role="alert">
        {t('room.discussionTooLong', { length: status.length, max: MAX_DISCUSSION_LENGTH })}
      </p>
    );
  if (status.kind === 'error')
    return (
      <p className="field-error" role="alert">
        {describeError(t, status.error)}
      </p>
    );
  if (status.kind !== 'conflict') return null;
  return (
    <div className="discussion-conflict" role="alert">
      <p>{t('room.discussionConflict')}</p>
      <label className="discussion-stored">
        <span>{t('room.discussionStored')}</span>
        <textarea value={status.stored} readOnly rows={6} />
      </label>
      {canChoose ? (
        <div className="button-row">
          <Button variant="primary" onPress={onKeepMine}>
            {t('room.discussionKeepMine')}
          </Button>
          <Button onPress={onTakeStored}>{t('room.discussionTakeStored')}</Button>
        </div>
      ) : (
        <p className="muted small">{t('room.discussionConflictReadOnly')}</p>
      )}
    </div>
  );
}
