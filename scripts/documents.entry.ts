// Runs inside Chromium (scripts/documents.mjs): loads the sample region into a fresh
// IndexedDB and exports every document through the app's own export functions, so the
// files are exactly what the buttons in the app save (the chart is drawn on a real canvas).
import { AppDb, listPlans, planView, saveProjectSettings } from '../renderer/src/db';
import { loadSampleRegion } from '../renderer/src/db/sample/sample';
import { addSuccessorAgenda } from '../renderer/src/db/sample/sampleMeeting';
import { exportMeetingDocument } from '../renderer/src/features/documents/exportMeeting';
import { buildEvaluationDocx } from '../renderer/src/features/plan/exportEvaluation';

interface OutFile {
  name: string;
  base64: string;
}

function base64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** A stand-in funder logo strip (EU flag blue, yellow stars, the programme's name). */
async function logoPng(): Promise<{
  bytes: Uint8Array<ArrayBuffer>;
  widthPx: number;
  heightPx: number;
}> {
  const canvas = document.createElement('canvas');
  canvas.width = 720;
  canvas.height = 96;
  const c = canvas.getContext('2d')!;
  c.fillStyle = '#ffffff';
  c.fillRect(0, 0, 720, 96);
  c.fillStyle = '#003399';
  c.fillRect(8, 8, 120, 80);
  c.fillStyle = '#ffcc00';
  for (let i = 0; i < 12; i++) {
    const a = (i / 12) * Math.PI * 2;
    c.beginPath();
    c.arc(68 + Math.cos(a) * 26, 48 + Math.sin(a) * 26, 4, 0, Math.PI * 2);
    c.fill();
  }
  c.fillStyle = '#003399';
  c.font = 'bold 22px sans-serif';
  c.fillText('Evropská unie', 144, 40);
  c.font = '18px sans-serif';
  c.fillText('Evropský sociální fond · Operační program Zaměstnanost', 144, 70);
  const blob = await new Promise<Blob>((r) => canvas.toBlob((b) => r(b!), 'image/png'));
  return { bytes: new Uint8Array(await blob.arrayBuffer()), widthPx: 720, heightPx: 96 };
}

export async function generate(today: string): Promise<OutFile[]> {
  const db = new AppDb(`triada-documents-${Date.now()}`);
  await loadSampleRegion(db, today);
  const logo = await logoPng();
  await saveProjectSettings(db, {
    organizationName: 'Město Vizovice',
    recipient: 'MAS Vizovicko a Slušovicko, z. s.',
    projectName:
      'Podpora procesu komunitního plánování sociálních služeb na Vizovicku a Slušovicku',
    registrationNumber: 'CZ.03.2.63/0.0/0.0/19_106/0015192',
    funderLine: 'Projekt je spolufinancován Evropskou unií z Evropského sociálního fondu.',
    logoAltText: 'Logo Evropské unie – Evropský sociální fond, Operační program Zaměstnanost',
    logo: { ...logo, type: 'png' },
  });
  const out: OutFile[] = [];
  const meetings = await db.meetings.toArray();
  const rich = meetings.find((m) => m.minutesStatus === 'approved' && m.startedAt)!;
  const next = meetings.find((m) => m.id === rich.nextMeetingId)!;
  await addSuccessorAgenda(db, next.id);
  const add = (prefix: string, f: { name: string; bytes: Uint8Array }) =>
    out.push({ name: `${prefix}_${f.name}`, base64: base64(f.bytes) });
  for (const [prefix, m] of [
    ['1_probehle', rich],
    ['2_koncept', next],
  ] as const) {
    add(prefix, await exportMeetingDocument(db, m.id, 'minutes', 'cs'));
    add(prefix, await exportMeetingDocument(db, m.id, 'minutes', 'en'));
    add(prefix, await exportMeetingDocument(db, m.id, 'attendance', 'cs'));
    add(prefix, await exportMeetingDocument(db, m.id, 'invitation', 'cs'));
  }

  const plan = (await listPlans(db))[0]!;
  const view = (await planView(db, plan.id))!;
  const period = Math.max(...view.monitoring.map((r) => r.period));
  const settings = (await db.settings.get('project'))?.value as Parameters<
    typeof saveProjectSettings
  >[1];
  const group = view.bodies.find((b) => b.code === 'PS1');
  for (const [prefix, workingGroupId] of [
    ['3_vyhodnoceni', undefined],
    ['4_vyhodnoceni_PS1', group?.id],
  ] as const) {
    add(
      prefix,
      await buildEvaluationDocx(
        {
          plan: view.plan,
          items: view.items,
          monitoring: view.monitoring,
          comments: view.comments,
          bodies: view.bodies,
          organizations: view.organizations,
        },
        {
          lang: 'cs',
          period,
          ...(workingGroupId ? { workingGroupId } : {}),
          organizationName: settings.organizationName,
          preparedOn: today,
          project: { ...settings, logo: { ...logo, type: 'png', altText: settings.logoAltText } },
        },
      ),
    );
  }
  await db.delete();
  return out;
}

(globalThis as unknown as { triadaDocuments: typeof generate }).triadaDocuments = generate;
