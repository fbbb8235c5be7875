import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? files(full) : [full];
  });
}

const bytes = (list: string[]): number => list.reduce((sum, file) => sum + statSync(file).size, 0);

export interface SizeRow {
  /** Everything WeChat uploads as the main package (no subpackages here); null when not built. */
  weappMainPackageBytes: number | null;
  weappBudgetBytes: number;
  h5JsBytes: number | null;
  functionBundleBytes: number | null;
}

export function measureSizes(): SizeRow {
  const weapp = files(path.join(root, 'dist')).filter((file) => !file.endsWith('.LICENSE.txt') && !file.endsWith('.map'));
  const h5 = files(path.join(root, 'dist-h5')).filter((file) => file.endsWith('.js'));
  const bundle = path.join(root, 'cloudfunctions/mobileCheck/index.js');
  return {
    weappMainPackageBytes: weapp.length ? bytes(weapp) : null,
    weappBudgetBytes: 400 * 1024,
    h5JsBytes: h5.length ? bytes(h5) : null,
    functionBundleBytes: existsSync(bundle) ? statSync(bundle).size : null,
  };
}
