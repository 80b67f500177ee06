// Stage, snapshots: the snapshot rows of the result (User, Team and Completeness snapshots, keyed per
// docs/ARCHITECTURE.md); the result carries their counts, the sink writes the rows.

import { buildSnapshots } from '../../snapshots/build-snapshots';
import type { SnapshotSet } from '../../snapshots/types';
import type { SyncResult } from '../result';

/** The snapshot rows of a result and their counts per object. */
export function snapshotStage(result: SyncResult): { set: SnapshotSet; counts: SyncResult['snapshots'] } {
  const set = buildSnapshots(result);
  return {
    set,
    counts: { user: set.user.length, team: set.team.length, completeness: set.completeness.length }
  };
}
