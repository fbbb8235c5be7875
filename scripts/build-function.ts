// Bundles the cloud function's TypeScript, axios and wx-server-sdk into the one index.js WeChat deploys.
import { build, type Plugin } from 'esbuild';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const outfile = path.join(root, 'cloudfunctions/mobileCheck/index.js');

// V8 parses a JSON string much faster than the same data as an object literal (how esbuild inlines
// JSON), and mime-db's table is loaded at start-up by both wx-server-sdk and axios' form-data.
const jsonAsParse: Plugin = {
  name: 'json-as-parse',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /\.json$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      return { contents: `module.exports = JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(text)))});`, loader: 'js' };
    });
  },
};

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
    // One copy of the MIME table instead of two (mime-types pins an older, compatible mime-db).
    alias: { 'mime-db': path.join(root, 'node_modules/mime-db') },
    plugins: [jsonAsParse],
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
