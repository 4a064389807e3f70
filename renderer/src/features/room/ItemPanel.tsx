import type { AgendaItem } from '@shared/domain';
import type { RoomView } from '../../db';
import { DiscussionEditor } from './DiscussionEditor';
import { ItemTimer } from './ItemTimer';
import { NextMeetingSection } from './NextMeetingSection';
import { PollsSection } from './PollsSection';
import { ResolutionsSection } from './ResolutionsSection';
import { ReviewSection, TasksSection } from './TasksSection';

export function ItemPanel({ room, item, locked }: { room: RoomView; item: AgendaItem; locked: boolean }) {
  return (
    <article className="item-panel" aria-labelledby="item-title">
      <header className="item-head">
        <h2 id="item-title">
          <span className="agenda-order">Ad {item.order}</span> {item.title}
        </h2>
        <ItemTimer item={item} locked={locked} />
      </header>
      {item.presenter && <p className="muted">{item.presenter}</p>}
      {item.kind === 'review' && <ReviewSection room={room} locked={locked} />}
      <DiscussionEditor item={item} locked={locked} />
      <PollsSection room={room} item={item} locked={locked} />
      <ResolutionsSection room={room} item={item} locked={locked} />
      <TasksSection room={room} item={item} locked={locked} />
      {item.kind === 'next' && <NextMeetingSection room={room} locked={locked} />}
    </article>
  );
}
