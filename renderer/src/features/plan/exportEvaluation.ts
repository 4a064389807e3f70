// The evaluation report from stored records to DOCX bytes, and the app's export of it.
// `buildEvaluationDocx` is free of the database and of the UI: `npm run documents` and tests
// call it with plan records; the chart needs a canvas, so outside a browser it is left out
// unless the caller brings its own renderer.
import { buildEvaluation, evaluationFileName } from '@shared/docx/evaluation';
import {
  evaluationDocFrom,
  type EvaluationOptions,
  type EvaluationSource,
} from '@shared/docx/evaluationModel';
import type { ProjectBlock } from '@shared/docx/model';
import { DOCX_MIME, packDocx } from '@shared/docx/pack';
import type { PlanView } from '../../db';
import type { Platform } from '../../platform';
import { renderFulfilmentChart, type ChartRow } from './chartPng';
import { evaluationLabelsFor } from '@shared/docx/evaluationLabels';

export type ChartRenderer = (
  rows: ChartRow[],
  labels: Parameters<typeof renderFulfilmentChart>[1],
) => Promise<{ png: Uint8Array; widthPx: number; heightPx: number }>;

const canvasAvailable = () => typeof document !== 'undefined' && !!document.createElement;

/** Stored plan records → the evaluation report: its file name and DOCX bytes. */
export async function buildEvaluationDocx(
  source: EvaluationSource,
  options: Omit<EvaluationOptions, 'chart'>,
  renderChart: ChartRenderer | null = canvasAvailable() ? renderFulfilmentChart : null,
): Promise<{ name: string; bytes: Uint8Array }> {
  const draft = evaluationDocFrom(source, options);
  const L = evaluationLabelsFor(options.lang);
  const doc = renderChart
    ? {
        ...draft,
        chart: await renderChart(
          [{ label: draft.scopeLabel, stats: draft.overall }, ...draft.summary],
          L.bucket,
        ),
      }
    : draft;
  return { name: evaluationFileName(doc), bytes: await packDocx(buildEvaluation(doc)) };
}

/** Builds and saves the evaluation report; returns the file name, or undefined when cancelled. */
export async function exportEvaluation(
  view: PlanView,
  options: Omit<EvaluationOptions, 'chart' | 'project' | 'organizationName'>,
  project: (ProjectBlock & { organizationName?: string }) | undefined,
  platform: Platform,
): Promise<string | undefined> {
  const { name, bytes } = await buildEvaluationDocx(
    {
      plan: view.plan,
      items: view.items,
      monitoring: view.monitoring,
      comments: view.comments,
      bodies: view.bodies,
      organizations: view.organizations,
    },
    {
      ...options,
      ...(project?.organizationName ? { organizationName: project.organizationName } : {}),
      ...(project ? { project } : {}),
    },
  );
  const result = await platform.saveFile(name, bytes, DOCX_MIME);
  return result === 'saved' ? name : undefined;
}
