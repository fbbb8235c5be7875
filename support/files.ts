// One directory walker for the scripts (build stamps, bench sizes, deploy checks, start-up freshness).
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The repository root. */
export const REPO_ROOT = path.resolve(__dirname, '..');

/**
 * Every file below `target`, sorted; `target` itself when it is a file; none when it does not
 * exist. node_modules folders are never entered.
 */
export function listFiles(target: string): string[] {
  const info = statSync(target, { throwIfNoEntry: false });
  if (!info) return [];
  if (info.isFile()) return [target];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(full);
    }
  };
  if (info.isDirectory()) walk(target);
  return out.sort();
}
