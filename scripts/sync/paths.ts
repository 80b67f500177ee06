// The project root, found from this module's folder whether it runs from its TypeScript source
// (scripts/sync/) or from the compiled output (lib/scripts/sync/, npm run build): the sync reads the
// package's metadata (force-app/), its rules and its messages from there.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The nearest folder at or above `from` holding sfdx-project.json. */
export function projectRootOf(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'sfdx-project.json'))) return dir;
    if (dirname(dir) === dir)
      throw new Error(`No sfdx-project.json above ${from}: run the sync from its project.`);
  }
}

/** Absolute path of the project (the folder of sfdx-project.json and package.json). */
export const PROJECT_ROOT = projectRootOf(__dirname);
