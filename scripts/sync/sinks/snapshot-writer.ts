// Placeholder signature (written by the engine side so the CLI compiles): the live-path engineer
// replaces this file with the upsert-by-external-ID writer. Contract: scripts/sync/snapshots/types.ts.

import type { SnapshotSet, SnapshotWriteOptions, SnapshotWriteResult } from '../snapshots/types';
import type { OrgRecordSource } from '../sources/record-source';

export async function writeSnapshots(
  source: OrgRecordSource,
  snapshots: SnapshotSet,
  options?: SnapshotWriteOptions
): Promise<SnapshotWriteResult> {
  void source;
  void snapshots;
  void options;
  throw new Error('writeSnapshots: not implemented yet (live path in progress).');
}
