// Bundles the cloud function's TypeScript, axios and wx-server-sdk into the one index.js WeChat deploys.
import { build, type Plugin } from 'esbuild';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
const FUNCTION_DIR = path.join(root, 'cloudfunctions/mobileCheck');

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

// Parts of @cloudbase/node-sdk (inside wx-server-sdk) that this function never calls, yet the SDK
// loads at start-up. They stay in the bundle but load on first use: the shim answers TypeScript's
// `__esModule` probe itself and hands every other property access to the real module.
const LAZY_IN_NODE_SDK = /^(\.\/(ai|storage|analytics|notification|cloudrun)|@cloudbase\/wx-cloud-client-sdk)$/;

const lazySdkParts: Plugin = {
  name: 'lazy-sdk-parts',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: LAZY_IN_NODE_SDK }, async (args) => {
      if (args.namespace !== 'file' || !args.importer.includes('@cloudbase/node-sdk')) return undefined;
      const real = await pluginBuild.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind });
      return { path: real.path, namespace: 'lazy' };
    });
    pluginBuild.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => ({
      resolveDir: path.dirname(args.path),
      loader: 'js',
      contents: lazyModuleSource(args.path),
    }));
  },
};

export function lazyModuleSource(realPath: string): string {
  return `let real;
const load = () => real || (real = require(${JSON.stringify(realPath)}));
module.exports = new Proxy({}, {
  get(_, key) {
    if (key === '__esModule') return true;
    const m = load();
    return key === 'default' && !m.__esModule ? m : m[key];
  },
  has: (_, key) => key in load(),
  ownKeys: () => Reflect.ownKeys(load()),
  getOwnPropertyDescriptor(_, key) {
    const d = Object.getOwnPropertyDescriptor(load(), key);
    return d && { ...d, configurable: true };
  },
});`;
}

/** Builds the deployable index.js; tests pass another outfile (or entry) to build with the same options. */
export async function buildFunction(
  { outfile = path.join(FUNCTION_DIR, 'index.js'), entry = path.join(FUNCTION_DIR, 'src/index.ts') } = {},
): Promise<{ outfile: string; bytes: number }> {
  await build({
    entryPoints: [entry],
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
    plugins: [jsonAsParse, lazySdkParts],
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
