// Bundles the main process and the preload to CommonJS in dist/electron (everything but
// `electron` itself is inlined, so the packaged app needs no node_modules).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function buildElectron() {
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22', // Electron 45 ships Node 22
    external: ['electron'],
    sourcemap: true,
    logLevel: 'warning',
    outExtension: { '.js': '.cjs' },
    outdir: 'dist/electron',
  };
  await build({
    ...common,
    entryPoints: { main: 'electron/main.ts', preload: 'electron/preload.ts' },
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildElectron();
  console.log('Built dist/electron/main.cjs and dist/electron/preload.cjs');
}
