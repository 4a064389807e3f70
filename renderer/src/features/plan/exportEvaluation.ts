import { buildEvaluation, evaluationFileName } from '@shared/docx/evaluation';
import { evaluationLabelsFor } from '@shared/docx/evaluationLabels';
import { evaluationDocFrom, type EvaluationOptions } from '@shared/docx/evaluationModel';
import { DOCX_MIME, packDocx } from '@shared/docx/pack';
import type { PlanView } from '../../db';
import type { Platform } from '../../platform';
import { renderFulfilmentChart } from './chartPng';

/** Builds, packs and saves the evaluation report; returns the file name, or undefined when cancelled. */
export async function exportEvaluation(
  view: PlanView,
  options: Omit<EvaluationOptions, 'chart'>,
  platform: Platform,
): Promise<string | undefined> {
  const source = {
    plan: view.plan,
    items: view.items,
    monitoring: view.monitoring,
    bodies: view.bodies,
    organizations: view.organizations,
  };
  const draft = evaluationDocFrom(source, options);
  const L = evaluationLabelsFor(options.lang);
  const chart = await renderFulfilmentChart(
    [{ label: L.wholePlan, stats: draft.overall }, ...draft.summary],
    L.bucket,
  );
  const doc = { ...draft, chart };
  const bytes = await packDocx(buildEvaluation(doc));
  const name = evaluationFileName(doc);
  const result = await platform.saveFile(name, bytes, DOCX_MIME);
  return result === 'saved' ? name : undefined;
}
