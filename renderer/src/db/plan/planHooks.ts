import { useLiveQuery } from 'dexie-react-hooks';
import { activitiesForAgendaItem, listPlans, planView } from './planQueries';
import { db } from '../schema';

// Live queries of the community plan (every window re-renders when the data changes).
export const usePlans = () => useLiveQuery(() => listPlans(db));
export const usePlanView = (planId: string | undefined) =>
  useLiveQuery(async () => (planId ? planView(db, planId) : null), [planId]);
export const useAgendaItemActivities = (agendaItemId: string) =>
  useLiveQuery(() => activitiesForAgendaItem(db, agendaItemId), [agendaItemId]);
