import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  GridList,
  GridListItem,
  useDragAndDrop,
  Button as AriaButton,
} from 'react-aria-components';
import type { AgendaKind, Resolution } from '@shared/domain';
import { Button } from '../../components/Button';
import { describeError } from '../../components/errors';
import { FormError, SelectInput } from '../../components/fields';
import {
  addAgendaItems,
  db,
  moveAgendaItem,
  previousAgenda,
  setCurrentItem,
  type AgendaTemplate,
  type RoomItem,
} from '../../db';
import { AgendaItemForm } from './AgendaItemForm';
import { TemplateDialog } from './TemplateDialog';

interface Props {
  meetingId: string;
  bodyId: string;
  bodyCode: string;
  items: RoomItem[];
  resolutions: Resolution[];
  templates: AgendaTemplate[];
  currentId?: string;
  locked: boolean;
}

/**
 * The programme: pick the item in focus, reorder by drag or keyboard, add standard items.
 * Memoized on narrow props: the drag-and-drop list is the room's heaviest part and changes
 * only with the programme, never with the minutes text.
 */
export const AgendaPanel = memo(function AgendaPanel({
  meetingId,
  bodyId,
  bodyCode,
  items,
  resolutions: allResolutions,
  templates,
  currentId,
  locked,
}: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<RoomItem | 'new' | null>(null);
  const [templating, setTemplating] = useState(false);
  const [error, setError] = useState<string>();

  const run = async (action: () => Promise<unknown>) => {
    try {
      setError(undefined);
      await action();
    } catch (e) {
      setError(describeError(t, e));
    }
  };
  const move = (from: number, to: number) => run(() => moveAgendaItem(db, meetingId, from, to));

  const { dragAndDropHooks } = useDragAndDrop({
    isDisabled: locked,
    getItems: (keys) => [...keys].map((key) => ({ 'text/plain': String(key) })),
    onReorder(e) {
      const key = [...e.keys][0];
      const from = items.findIndex((i) => i.id === key);
      let to = items.findIndex((i) => i.id === e.target.key);
      if (from < 0 || to < 0) return;
      if (e.target.dropPosition === 'after' && to < from) to += 1;
      if (e.target.dropPosition === 'before' && to > from) to -= 1;
      void move(from, to);
    },
  });

  const standard = (): { title: string; kind: AgendaKind }[] => [
    { title: t('room.std.opening'), kind: 'opening' },
    { title: t('room.std.review'), kind: 'review' },
    { title: t('room.std.other'), kind: 'other' },
    { title: t('room.std.next'), kind: 'next' },
  ];

  return (
    <section className="agenda-panel" aria-labelledby="agenda-title">
      <div className="section-head">
        <h2 id="agenda-title">{t('room.agenda')}</h2>
        {!locked && <Button onPress={() => setEditing('new')}>{t('room.addItem')}</Button>}
      </div>
      {items.length === 0 ? (
        <div className="agenda-empty">
          <p className="muted">{t('room.emptyAgenda')}</p>
          {!locked && (
            <>
              <Button
                variant="primary"
                onPress={() => run(() => addAgendaItems(db, meetingId, standard()))}
              >
                {t('room.standardItems')}
              </Button>
              <Button
                onPress={() =>
                  run(async () => {
                    const last = await previousAgenda(db, meetingId);
                    if (last.length === 0) throw new Error(t('room.noLastAgenda'));
                    await addAgendaItems(db, meetingId, last);
                  })
                }
              >
                {t('room.copyLast')}
              </Button>
              {templates.length > 0 && (
                <SelectInput
                  label={t('room.applyTemplate')}
                  value=""
                  emptyLabel="—"
                  options={templates.map((tp) => ({ value: tp.id, label: tp.name }))}
                  onChange={(id) => {
                    const tp = templates.find((x) => x.id === id);
                    if (tp) void run(() => addAgendaItems(db, meetingId, tp.items));
                  }}
                />
              )}
            </>
          )}
        </div>
      ) : (
        <>
          {/* Alt+↑/↓ moves the selected item: the keyboard twin of dragging. */}
          <div
            onKeyDownCapture={(e) => {
              if (!e.altKey || locked) return;
              const index = items.findIndex((i) => i.id === currentId);
              if (index < 0) return;
              if (e.key === 'ArrowUp' && index > 0) void move(index, index - 1);
              else if (e.key === 'ArrowDown' && index < items.length - 1)
                void move(index, index + 1);
              else return;
              e.preventDefault();
              e.stopPropagation();
            }}
          >
            <GridList
              aria-label={t('room.agenda')}
              className="agenda-list"
              items={items}
              selectionMode="single"
              disallowEmptySelection
              selectedKeys={currentId ? [currentId] : []}
              onSelectionChange={(keys) => {
                const id = [...keys][0];
                if (id) void setCurrentItem(db, meetingId, String(id));
              }}
              dragAndDropHooks={dragAndDropHooks}
            >
              {(item) => {
                const resolutions = allResolutions.filter((r) => r.agendaItemId === item.id).length;
                return (
                  <GridListItem
                    id={item.id}
                    textValue={`${item.order}. ${item.title}`}
                    className="agenda-item"
                  >
                    {!locked && (
                      <AriaButton
                        slot="drag"
                        className="drag-handle"
                        aria-label={t('room.dragHint')}
                      >
                        ⋮⋮
                      </AriaButton>
                    )}
                    <span className="agenda-order">{item.order}.</span>
                    <span className="agenda-title">
                      {item.title}
                      {item.presenter && <span className="agenda-meta"> · {item.presenter}</span>}
                      {resolutions > 0 && (
                        <span className="agenda-meta">
                          {' '}
                          · {t('resolutions.title')}: {resolutions}
                        </span>
                      )}
                    </span>
                    {!locked && (
                      <AriaButton
                        className="agenda-edit"
                        aria-label={`${t('room.editItem')}: ${item.title}`}
                        onPress={() => setEditing(item)}
                      >
                        ✎
                      </AriaButton>
                    )}
                  </GridListItem>
                );
              }}
            </GridList>
          </div>
          {!locked && <p className="muted small">{t('room.dragHint')}</p>}
          {!locked && (
            <div className="agenda-tools">
              <Button variant="ghost" onPress={() => setTemplating(true)}>
                {t('room.saveTemplate')}
              </Button>
            </div>
          )}
        </>
      )}
      <FormError message={error} />
      {editing && (
        <AgendaItemForm
          meetingId={meetingId}
          item={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {templating && (
        <TemplateDialog
          meetingId={meetingId}
          bodyId={bodyId}
          bodyCode={bodyCode}
          onClose={() => setTemplating(false)}
        />
      )}
    </section>
  );
});
// Kept through minification: the room's render-count test finds the panel by this name.
AgendaPanel.displayName = 'AgendaPanel';
