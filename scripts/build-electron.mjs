// Bundles the main process and the preload to CommonJS in dist/electron (everything but
// `electron` itself is inlined, so the packaged app needs no node_modules).
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** `import text from './file?raw'` (as in Vite): the phone page's script and style. */
const rawPlugin = {
  name: 'raw',
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, (args) => ({
      path: fileURLToPath(new URL(args.path.slice(0, -4), `file://${args.resolveDir}/`)),
      namespace: 'raw',
    }));
    b.onLoad({ filter: /.*/, namespace: 'raw' }, async (args) => ({
      contents: await readFile(args.path, 'utf8'),
      loader: 'text',
    }));
  },
};

/** The voting hub process (electron/hub/entry.ts) as one CommonJS file that plain Node runs. */
export async function buildHub(outfile = 'dist/electron/hub.cjs') {
  await build({
    absWorkingDir: root,
    entryPoints: ['electron/hub/entry.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // ws's optional native helpers: the pure JS fallbacks are used.
    external: ['bufferutil', 'utf-8-validate'],
    plugins: [rawPlugin],
    logLevel: 'warning',
  });
  return outfile;
}

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
  await buildHub();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildElectron();
  console.log('Built dist/electron/main.cjs, preload.cjs and hub.cjs');
}
