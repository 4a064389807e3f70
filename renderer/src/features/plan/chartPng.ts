// The fulfilment chart of the DOCX report, drawn by hand on an offscreen canvas (2D API) and
// returned as PNG bytes for the pure builder: one stacked bar per row, a legend underneath.
import type { Bucket, FulfilmentStats } from '@shared/plan';
import { BUCKETS } from '@shared/plan';
import { BUCKET_COLORS } from './planFormat';

export interface ChartRow {
  label: string;
  stats: FulfilmentStats;
}

const SCALE = 2;
const WIDTH = 600;

/** The label on at most two lines: words that fit, the rest of the second line cut with "…". */
function wrap2(ctx: CanvasRenderingContext2D, text: string, max: number): string[] {
  if (ctx.measureText(text).width <= max) return [text];
  const words = text.split(' ');
  let first = '';
  let i = 0;
  for (; i < words.length; i++) {
    const next = first ? `${first} ${words[i]}` : words[i]!;
    if (ctx.measureText(next).width > max) break;
    first = next;
  }
  if (!first) return [truncate(ctx, text, max)];
  return [first, truncate(ctx, words.slice(i).join(' '), max)];
}

function truncate(ctx: CanvasRenderingContext2D, text: string, max: number): string {
  if (ctx.measureText(text).width <= max) return text;
  let s = text;
  while (s.length > 1 && ctx.measureText(`${s}…`).width > max) s = s.slice(0, -1);
  return `${s}…`;
}

export async function renderFulfilmentChart(
  rows: ChartRow[],
  bucketLabels: Record<Bucket, string>,
): Promise<{ png: Uint8Array; widthPx: number; heightPx: number }> {
  const rowH = 38;
  const top = 12;
  const legendH = 34;
  const height = top + rows.length * rowH + legendH;
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH * SCALE;
  canvas.height = height * SCALE;
  const ctx = canvas.getContext('2d')!;
  ctx.scale(SCALE, SCALE);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, WIDTH, height);
  const labelW = 230;
  const barX = labelW + 10;
  const barW = WIDTH - barX - 12;
  const font = 'Arial, "Liberation Sans", "DejaVu Sans", sans-serif';

  rows.forEach((row, i) => {
    const y = top + i * rowH;
    ctx.fillStyle = '#1a1a1a';
    ctx.font = `${i === 0 ? 'bold ' : ''}12px ${font}`;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    const lines = wrap2(ctx, row.label, labelW);
    lines.forEach((line, k) =>
      ctx.fillText(line, 0, y + rowH / 2 - 2 + (k - (lines.length - 1) / 2) * 14),
    );
    const base = row.stats.base;
    let x = barX;
    ctx.fillStyle = '#f1f5f9';
    ctx.fillRect(barX, y + 6, barW, rowH - 16);
    for (const b of BUCKETS) {
      const n = row.stats.buckets[b];
      if (!base || !n) continue;
      const w = (n / base) * barW;
      ctx.fillStyle = BUCKET_COLORS[b];
      ctx.fillRect(x, y + 6, w, rowH - 16);
      const text = `${n}`;
      ctx.font = `bold 11px ${font}`;
      if (w > ctx.measureText(text).width + 6) {
        ctx.fillStyle = b === 'noReport' ? '#1a1a1a' : '#ffffff';
        ctx.textAlign = 'center';
        ctx.fillText(text, x + w / 2, y + rowH / 2 - 2);
      }
      x += w;
    }
  });

  // legend
  let lx = barX;
  const ly = top + rows.length * rowH + 12;
  ctx.font = `11px ${font}`;
  ctx.textAlign = 'left';
  for (const b of BUCKETS) {
    ctx.fillStyle = BUCKET_COLORS[b];
    ctx.fillRect(lx, ly, 12, 12);
    ctx.fillStyle = '#1a1a1a';
    ctx.fillText(bucketLabels[b], lx + 16, ly + 6);
    lx += 16 + ctx.measureText(bucketLabels[b]).width + 18;
  }

  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('canvas'))), 'image/png'),
  );
  return {
    png: new Uint8Array(await blob.arrayBuffer()),
    widthPx: WIDTH * SCALE,
    heightPx: height * SCALE,
  };
}
