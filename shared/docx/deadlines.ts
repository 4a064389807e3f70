// Dates the documents print that the rules of procedure imply.
import { addDays, isWorkingDay } from '../domain/leadTime';

/**
 * The day by which members excuse themselves: N calendar days before the meeting, moved back
 * to the nearest working day (weekends and Czech public holidays are not office days), so
 * the deadline is a day someone is there to receive the excuse.
 */
export function excuseDeadline(meetingDay: string, days: number): string {
  let day = addDays(meetingDay, -days);
  for (let i = 0; i < 14 && !isWorkingDay(day); i++) day = addDays(day, -1);
  return day;
}
