// The Node.js version the sync needs. package.json's `engines` says >=22: the sf command's libraries
// (@salesforce/core, @jsforce/jsforce-node) pull in undici, which fails on Node 20 with a TypeError stack
// that says nothing of the version. `npm run sync` runs the project's pinned Node; a user running
// `node lib/scripts/sync/cli.js` with an older one gets this check's message instead.

import { syncInputError } from './errors';
import type { SyncInputError } from './errors';

/** Lowest major version of Node.js the sync runs on (package.json `engines.node`, ">=22"). */
export const MIN_NODE_MAJOR = 22;

/**
 * The error for a Node.js older than MIN_NODE_MAJOR, or undefined when `versions.node` (e.g. "20.20.2")
 * is recent enough.
 * @param versions process.versions, or a stand-in in tests
 */
export function nodeVersionError(versions: { node: string } = process.versions): SyncInputError | undefined {
  const major = Number(/^v?(\d+)/.exec(versions.node)?.[1] ?? Number.NaN);
  if (major >= MIN_NODE_MAJOR) return undefined;
  return syncInputError('sync.run', 'NodeTooOld', [versions.node, MIN_NODE_MAJOR], [MIN_NODE_MAJOR]);
}
