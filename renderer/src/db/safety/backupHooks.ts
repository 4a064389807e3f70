// Live queries for the data-safety screens.
import { useLiveQuery } from 'dexie-react-hooks';
import { backupReminder } from './backup';
import { inactivePeople, isAnonymized } from '../people/gdpr';
import { db } from '../schema';

export const useBackupReminder = () => useLiveQuery(() => backupReminder(db), [], null);
export const useInactivePeople = (years: number) =>
  useLiveQuery(() => inactivePeople(db, years), [years]);
export const useIsAnonymized = (personId: string) =>
  useLiveQuery(() => isAnonymized(db, personId), [personId]);
export const usePerson = (personId: string) =>
  useLiveQuery(async () => (await db.people.get(personId)) ?? null, [personId]);
