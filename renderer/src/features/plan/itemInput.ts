import type { PlanItem, PlanItemInput } from '@shared/plan';

/** The editable part of a stored item, as repository input. */
export function inputFromItem(item: PlanItem): PlanItemInput {
  const {
    title,
    codeOverride,
    description,
    need,
    targetGroups,
    serviceType,
    serviceForms,
    implementerIds,
    partnerIds,
    territory,
    scheduleFrom,
    scheduleTo,
    costs,
    indicators,
    risks,
    workingGroupId,
  } = item;
  return {
    title,
    codeOverride,
    description,
    need,
    targetGroups,
    serviceType,
    serviceForms,
    implementerIds,
    partnerIds,
    territory,
    scheduleFrom,
    scheduleTo,
    costs,
    indicators,
    risks,
    workingGroupId,
  };
}
