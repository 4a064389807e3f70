// Small builders for the UI.
import type { RankEntry } from './schema';

/** ['b', 'a', 'c'] → [{optionId: 'b', rank: 1}, {optionId: 'a', rank: 2}, {optionId: 'c', rank: 3}]. */
export function rankingFromOrder(order: readonly string[]): RankEntry[] {
  return order.map((optionId, i) => ({ optionId, rank: i + 1 }));
}
