// Bundles the cloud function's TypeScript, axios and wx-server-sdk into the one index.js WeChat deploys.
import { build } from 'esbuild';
import { statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const outfile = path.join(root, 'cloudfunctions/mobileCheck/index.js');

export async function buildFunction(): Promise<{ outfile: string; bytes: number }> {
  await build({
    entryPoints: [path.join(root, 'cloudfunctions/mobileCheck/src/index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    // The oldest Node.js runtime WeChat cloud functions still offer.
    target: 'node16',
    format: 'cjs',
    minify: true,
    legalComments: 'eof',
    // Optional native speed-ups of `ws` that wx-server-sdk works without.
    external: ['bufferutil', 'utf-8-validate'],
    logLevel: 'warning',
  });
  return { outfile, bytes: statSync(outfile).size };
}

if (require.main === module) {
  buildFunction().then(
    ({ outfile: file, bytes }) => console.log(`built ${path.relative(root, file)} (${(bytes / 1024).toFixed(0)} KB)`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
