// Writes the snapshots into the org: upsert by Snapshot_Key__c (a rerun for the same period updates, never
// duplicates) in sObject Collections of 200, retried with backoff on REQUEST_LIMIT_EXCEEDED, 5xx and network
// errors (jsforce retries neither PATCH nor 403: TOOLCHAIN.md; an upsert by external ID is idempotent, so a
// retry is safe). Every record the org refuses comes back with its key and Salesforce's reason; nothing is
// dropped silently. Then retention: user snapshots older than the retention weeks are deleted.

import type { Connection } from '@jsforce/jsforce-node';
import { classifyFailure, describeFailure, SyncServerError, syncInputError } from '../errors';
import { withRetry, type RetryOptions } from '../sources/retry';
import type { OrgRecordSource } from '../sources/record-source';
import {
  SNAPSHOT_KEY_FIELD,
  SNAPSHOT_OBJECTS,
  type SnapshotSet,
  type SnapshotWriteFailure,
  type SnapshotWriteOptions,
  type SnapshotWriteResult
} from '../snapshots/types';

/** sObject Collections take at most 200 records per request. */
export const CHUNK_SIZE = 200;

export interface WriterTuning {
  retry?: RetryOptions;
}

interface UpsertOutcome {
  success: boolean;
  created?: boolean;
  id?: string;
  errors?: ({ statusCode?: string; errorCode?: string; message?: string; fields?: string[] } | string)[];
}

type Row = object;

function reasonOf(outcome: UpsertOutcome): string {
  const errors = outcome.errors ?? [];
  if (errors.length === 0) return 'refused without a reason';
  return errors
    .map((e) => {
      if (typeof e === 'string') return e;
      const code = e.statusCode ?? e.errorCode ?? 'ERROR';
      const fields = e.fields && e.fields.length > 0 ? ` [${e.fields.join(', ')}]` : '';
      return `${code}: ${e.message ?? ''}${fields}`;
    })
    .join('; ');
}

function keyOf(row: Row): string {
  const value = (row as Record<string, unknown>)[SNAPSHOT_KEY_FIELD];
  return typeof value === 'string' ? value : '(no key)';
}

async function upsertObject(
  connection: Connection,
  object: string,
  rows: readonly Row[],
  failures: SnapshotWriteFailure[],
  log: (message: string) => void,
  retry: RetryOptions
): Promise<{ object: string; created: number; updated: number }> {
  let created = 0;
  let updated = 0;
  for (let start = 0; start < rows.length; start += CHUNK_SIZE) {
    const chunk = rows.slice(start, start + CHUNK_SIZE) as Record<string, unknown>[];
    let outcomes: UpsertOutcome[];
    try {
      outcomes = await withRetry(
        () =>
          connection
            .sobject(object)
            .upsert(chunk, SNAPSHOT_KEY_FIELD, { allOrNone: false, allowRecursive: true }),
        {
          ...retry,
          onRetry: ({ attempt, delayMs, reason }) => {
            log(
              `${object} rows ${start + 1}-${start + chunk.length}: ${reason}, retry ${attempt} in ${delayMs} ms`
            );
          }
        }
      );
    } catch (error) {
      if (classifyFailure(error).kind === 'session') {
        throw syncInputError('sync.org', 'SessionExpiredWriting', [object]);
      }
      // The whole request was refused (or kept failing): every record of it is reported.
      const server = error instanceof SyncServerError;
      const reason = server ? error.message : describeFailure(error);
      for (const row of chunk) {
        failures.push({ object, key: keyOf(row), reason, ...(server ? { kind: 'server' as const } : {}) });
      }
      continue;
    }
    outcomes.forEach((outcome, i) => {
      const row = chunk[i];
      if (!row) return;
      if (outcome.success) {
        if (outcome.created) created++;
        else updated++;
      } else {
        failures.push({ object, key: keyOf(row), reason: reasonOf(outcome) });
      }
    });
    if (outcomes.length < chunk.length) {
      for (const row of chunk.slice(outcomes.length)) {
        failures.push({ object, key: keyOf(row), reason: 'no result returned for this record' });
      }
    }
  }
  return { object, created, updated };
}

/**
 * Snapshot_Key__c is a case-insensitive unique external id (caseSensitive=false in force-app): two rows
 * whose keys differ only by case would overwrite each other across requests, or both be refused within
 * one. Such rows are not sent; each is reported (never one silently overwriting another).
 */
function withoutKeyClashes(object: string, rows: readonly Row[], failures: SnapshotWriteFailure[]): Row[] {
  const byKey = new Map<string, string[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const folded = key.toLowerCase();
    byKey.set(folded, [...(byKey.get(folded) ?? []), key]);
  }
  return rows.filter((row) => {
    const same = byKey.get(keyOf(row).toLowerCase()) ?? [];
    if (same.length < 2) return true;
    failures.push({
      object,
      key: keyOf(row),
      reason: `DUPLICATE_VALUE: ${same.length} snapshots of this run have the key ${same.join(' / ')} (keys are compared without case): none of them is written`
    });
    return false;
  });
}

/** The day (yyyy-mm-dd, UTC) `weeks` weeks before `today`: user snapshots of periods starting before it are deleted. */
export function retentionCutoff(today: string, weeks: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) - weeks * 7 * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Deletes User_Adoption_Snapshot__c whose Period_Start__c is before the cutoff. Counted from today, never
 * from --as-of: a run for a past or (refused) future date must not widen what is deleted. Per-id refusals
 * are failures of the run; a query or request that keeps failing ends retention with `error` set, after
 * the upserts, which stay written and reported.
 */
async function applyRetention(
  connection: Connection,
  cutoff: string,
  failures: SnapshotWriteFailure[],
  log: (message: string) => void,
  retry: RetryOptions
): Promise<{ deleted: number; error?: string }> {
  const object = SNAPSHOT_OBJECTS.user;
  const ids: string[] = [];
  const soql = `SELECT Id FROM ${object} WHERE Period_Start__c < ${cutoff}`;
  let url: string | undefined = `/services/data/v${connection.version}/query?q=${encodeURIComponent(soql)}`;
  let deleted = 0;
  try {
    while (url) {
      const pageUrl: string = url;
      const page = await withRetry(
        () =>
          connection.request<{ done: boolean; nextRecordsUrl?: string; records: { Id: string }[] }>(pageUrl),
        retry
      );
      ids.push(...page.records.map((r) => r.Id));
      url = page.done ? undefined : page.nextRecordsUrl;
    }
    for (let start = 0; start < ids.length; start += CHUNK_SIZE) {
      const chunk = ids.slice(start, start + CHUNK_SIZE);
      const outcomes = (await withRetry(
        () => connection.sobject(object).destroy(chunk, { allOrNone: false, allowRecursive: true }),
        retry
      )) as UpsertOutcome[];
      outcomes.forEach((outcome, i) => {
        if (outcome.success) deleted++;
        else
          failures.push({
            object,
            key: `Id ${chunk[i] ?? '?'}`,
            reason: `retention delete: ${reasonOf(outcome)}`
          });
      });
    }
  } catch (error) {
    if (classifyFailure(error).kind === 'session') {
      throw syncInputError('sync.org', 'SessionExpiredRetention');
    }
    const message = error instanceof SyncServerError ? error.message : describeFailure(error);
    log(`Retention stopped after ${deleted} deletes: ${message}`);
    return { deleted, error: message };
  }
  if (ids.length > 0) log(`Retention: ${deleted} user snapshots before ${cutoff} deleted.`);
  return { deleted };
}

export async function writeSnapshots(
  source: OrgRecordSource,
  snapshots: SnapshotSet,
  options: SnapshotWriteOptions & WriterTuning = {}
): Promise<SnapshotWriteResult> {
  const connection = source.connection;
  const log = options.log ?? (() => undefined);
  const retry = options.retry ?? {};
  const failures: SnapshotWriteFailure[] = [];
  const objects: SnapshotWriteResult['objects'] = [];
  const sets: [string, readonly Row[]][] = [
    [SNAPSHOT_OBJECTS.user, snapshots.user],
    [SNAPSHOT_OBJECTS.team, snapshots.team],
    [SNAPSHOT_OBJECTS.completeness, snapshots.completeness],
    [SNAPSHOT_OBJECTS.wave, snapshots.wave ?? []]
  ];
  for (const [object, all] of sets) {
    if (all.length === 0) continue;
    const before = failures.length;
    const rows = withoutKeyClashes(object, all, failures);
    const written = await upsertObject(connection, object, rows, failures, log, retry);
    objects.push(written);
    log(
      `${object}: ${written.created} created, ${written.updated} updated, ${failures.length - before} refused.`
    );
  }
  const result: SnapshotWriteResult = { objects, failures, deleted: 0 };
  if (options.retentionWeeks !== undefined && options.retentionWeeks > 0) {
    const today = options.today ?? new Date().toISOString().slice(0, 10);
    const cutoff = retentionCutoff(today, options.retentionWeeks);
    const retention = await applyRetention(connection, cutoff, failures, log, retry);
    result.deleted = retention.deleted;
    result.retention = { cutoff, ...(retention.error ? { error: retention.error } : {}) };
  }
  return result;
}
