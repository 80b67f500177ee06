// Placeholder signature (written by the engine side so the CLI compiles): the live-path engineer
// replaces this file with the Bulk API 2.0 source. Contract: scripts/sync/sources/record-source.ts.

import type { OrgRecordSource, OrgSourceOptions } from './record-source';

export async function openOrgSource(options: OrgSourceOptions): Promise<OrgRecordSource> {
  void options;
  throw new Error('openOrgSource: not implemented yet (live path in progress).');
}
