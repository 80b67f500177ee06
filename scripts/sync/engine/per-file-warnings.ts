// Warnings of one cause raised file by file (an export read with the wrong encoding gives one per file: 7
// lines for the sample export where one says it). The run holds them and says each cause once, naming the
// count of files and the first few, when it has read every file.

import { firstFew, warningOf, type SyncWarning, type WarningToken } from '../messages';

/**
 * A per-file warning's combined form: its code, and the file's name from the warning's first token (every
 * such warning names its file in full, as the export source shows it: folder path, or zip:entry).
 */
interface Fold {
  plural: `warning.${string}`;
  file: (token: WarningToken) => string;
}

/**
 * The per-file warnings (`bundle:code`) said once for all their files. Each combined form's tokens are
 * [count of files, the first FILES_NAMED names (", …" after), the single form's other tokens in order].
 * Warnings whose other tokens differ (another encoding) are different causes, said apart.
 */
const PER_FILE: Record<string, Fold> = {
  'sync.export:warning.NotEncoding': { plural: 'warning.NotEncodingFiles', file: String },
  'sync.export:warning.LooksUtf8': { plural: 'warning.LooksUtf8Files', file: String },
  'sync.export:warning.EncodingBom': { plural: 'warning.EncodingBomFiles', file: String },
  'sync.export:warning.EncodingNuls': { plural: 'warning.EncodingNulsFiles', file: String }
};

/** How many file names a combined warning lists before ", …". */
export const FILES_NAMED = 3;

/** Holds the per-file warnings of a run until `release` says each cause once. */
export class PerFileWarnings {
  private readonly held = new Map<string, { fold: Fold; first: SyncWarning; files: Set<string> }>();

  /** True when `warning` is a per-file warning, now held for release; false when it is to be said now. */
  hold(warning: SyncWarning): boolean {
    const fold = PER_FILE[`${warning.bundle}:${warning.code}`];
    if (!fold) return false;
    const cause = JSON.stringify([warning.bundle, warning.code, ...warning.tokens.slice(1)]);
    const entry = this.held.get(cause) ?? { fold, first: warning, files: new Set<string>() };
    entry.files.add(fold.file(warning.tokens[0] ?? ''));
    this.held.set(cause, entry);
    return true;
  }

  /** Each held cause once, in the order first raised: the single warning for one file, else combined. */
  release(): SyncWarning[] {
    const out = [...this.held.values()].map(({ fold, first, files }) => {
      if (files.size === 1) return first;
      const named = firstFew([...files], FILES_NAMED);
      return warningOf('sync.export', fold.plural, [files.size, named, ...first.tokens.slice(1)]);
    });
    this.held.clear();
    return out;
  }
}
