// What ships: the weapp main package and each subpackage (WeChat limits them separately), the h5
// files, the function bundle.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { listFiles, REPO_ROOT } from '../../support/files';

/** Our own budget for the weapp main package (WeChat's limit is 2 MB): room for pages without surprises. */
export const WEAPP_MAIN_BUDGET_BYTES = 360 * 1024;
/** WeChat's limit for one subpackage. */
export const WEAPP_SUBPACKAGE_LIMIT_BYTES = 2048 * 1024;

export interface SizeRow {
  /** Everything uploaded outside the subpackages; null when dist/ is not built. */
  weappMainPackageBytes: number | null;
  weappMainBudgetBytes: number;
  /** One entry per `subPackages` root of dist/app.json. */
  weappSubpackages: { root: string; bytes: number }[];
  /** Every .js file of dist-h5/, loaded on first page or not (the first page's share is measured in Chromium). */
  h5AllJsBytes: number | null;
  functionBundleBytes: number | null;
}

const bytes = (files: string[]): number => files.reduce((sum, file) => sum + statSync(file).size, 0);

/** The subpackage roots declared in dist/app.json (`subPackages`, or the older `subpackages`), each ending in "/". */
export function subpackageRoots(appJson: string): string[] {
  const config = JSON.parse(appJson) as { subPackages?: { root: string }[]; subpackages?: { root: string }[] };
  return (config.subPackages ?? config.subpackages ?? []).map((pkg) => `${pkg.root.replace(/^\/+|\/+$/g, '')}/`);
}

/** Splits the uploaded weapp files (source maps and license texts stay local) by package. */
export function weappPackages(dist: string): { main: number; subpackages: { root: string; bytes: number }[] } {
  const files = listFiles(dist).filter((file) => !file.endsWith('.LICENSE.txt') && !file.endsWith('.map'));
  const roots = subpackageRoots(readFileSync(path.join(dist, 'app.json'), 'utf8'));
  const rel = (file: string) => path.relative(dist, file).split(path.sep).join('/');
  const subpackages = roots.map((root) => ({ root, bytes: bytes(files.filter((file) => rel(file).startsWith(root))) }));
  const main = bytes(files.filter((file) => !roots.some((root) => rel(file).startsWith(root))));
  return { main, subpackages };
}

export function measureSizes(): SizeRow {
  const dist = path.join(REPO_ROOT, 'dist');
  const weapp = existsSync(path.join(dist, 'app.json')) ? weappPackages(dist) : undefined;
  const h5 = listFiles(path.join(REPO_ROOT, 'dist-h5')).filter((file) => file.endsWith('.js'));
  const bundle = path.join(REPO_ROOT, 'cloudfunctions/mobileCheck/index.js');
  return {
    weappMainPackageBytes: weapp?.main ?? null,
    weappMainBudgetBytes: WEAPP_MAIN_BUDGET_BYTES,
    weappSubpackages: weapp?.subpackages ?? [],
    h5AllJsBytes: h5.length ? bytes(h5) : null,
    functionBundleBytes: existsSync(bundle) ? statSync(bundle).size : null,
  };
}
