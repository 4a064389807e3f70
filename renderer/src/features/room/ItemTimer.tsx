import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { elapsedAt } from '@shared/domain';
import { Button } from '../../components/Button';
import { db, toggleTimer, type RoomItem } from '../../db';

const mmss = (ms: number) => {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** Planned vs elapsed time of the item; an overrun turns red. */
export function ItemTimer({
  item,
  locked,
  compact = false,
}: {
  item: RoomItem;
  locked?: boolean;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!item.runningSince) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [item.runningSince]);
  const elapsed = elapsedAt(item, item.runningSince ? now : 0);
  const plannedMs = (item.plannedMinutes ?? 0) * 60_000;
  const over = item.plannedMinutes !== undefined && elapsed > plannedMs;
  return (
    <div
      className={`timer ${over ? 'timer-over' : ''} ${item.runningSince ? 'timer-running' : ''} ${compact ? 'timer-compact' : ''}`}
      role="timer"
      aria-live="off"
    >
      <span className="timer-elapsed" data-testid="timer-elapsed">
        {mmss(elapsed)}
      </span>
      {item.plannedMinutes !== undefined && (
        <span className="timer-planned">
          {over
            ? t('room.overrun', { minutes: Math.ceil((elapsed - plannedMs) / 60_000) })
            : t('room.planned', { minutes: item.plannedMinutes })}
        </span>
      )}
      {!compact && !locked && (
        <Button onPress={() => void toggleTimer(db, item.id)}>
          {item.runningSince ? t('room.stop') : t('room.start')}
        </Button>
      )}
    </div>
  );
}
