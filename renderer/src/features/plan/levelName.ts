import type { PlanLevel } from '@shared/plan';
import { i18n } from '../../i18n';

const DEFAULTS: Record<PlanLevel, string> = { 1: 'Priorita', 2: 'Opatření', 3: 'Aktivita' };

/**
 * A level's name as shown: a plan keeps its own names (and its documents print them), but the
 * default Czech ones read in the app's language, so English mode shows "Measure", not "Opatření".
 */
export function levelName(
  plan: { levelNames: Record<PlanLevel, string> },
  level: PlanLevel,
): string {
  const stored = plan.levelNames[level];
  return stored === DEFAULTS[level] ? i18n.t(`plan.levelDefaults.${level}`) : stored;
}
