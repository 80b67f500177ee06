// Writes the snapshots into the org: upsert by Snapshot_Key__c (a rerun for the same period updates, never
// duplicates) in sObject Collections of 200, retried with backoff on REQUEST_LIMIT_EXCEEDED, 5xx and network
// errors (jsforce retries neither PATCH nor 403: TOOLCHAIN.md; an upsert by external ID is idempotent, so a
// retry is safe). Every record the org refuses comes back with its key and Salesforce's reason; nothing is
// dropped silently. Then retention: user snapshots older than the retention weeks are deleted.

import type { Connection } from '@jsforce/jsforce-node';
import { SyncInputError } from '../errors';
import { withRetry, transientReason, type RetryOptions } from '../sources/retry';
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

function describeError(error: unknown): string {
  const e = error as { errorCode?: unknown; name?: unknown; message?: unknown };
  const code = typeof e.errorCode === 'string' ? e.errorCode : typeof e.name === 'string' ? e.name : 'ERROR';
  return `${code}: ${typeof e.message === 'string' ? e.message : String(error)}`;
}

function isSessionError(error: unknown): boolean {
  const e = error as { errorCode?: unknown; message?: unknown };
  return (
    e.errorCode === 'INVALID_SESSION_ID' ||
    (typeof e.message === 'string' &&
      /Session expired or invalid|expired access\/refresh token/.test(e.message))
  );
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
      if (isSessionError(error)) {
        throw new SyncInputError(
          `The Salesforce session expired while writing ${object}.`,
          'Log in again (`sf org login web --alias <alias>`) and rerun: rows already written are updated, not duplicated.'
        );
      }
      // The whole request was refused (or kept failing): every record of it is reported.
      const reason = transientReason(error)
        ? `${describeError(error)} (still failing after retries)`
        : describeError(error);
      for (const row of chunk) failures.push({ object, key: keyOf(row), reason });
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

/** Deletes User_Adoption_Snapshot__c whose Period_Start__c is older than `weeks` before `periodStart`. */
async function applyRetention(
  connection: Connection,
  periodStart: string,
  weeks: number,
  failures: SnapshotWriteFailure[],
  log: (message: string) => void,
  retry: RetryOptions
): Promise<number> {
  const object = SNAPSHOT_OBJECTS.user;
  const cutoff = new Date(Date.parse(`${periodStart}T00:00:00Z`) - weeks * 7 * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const ids: string[] = [];
  const soql = `SELECT Id FROM ${object} WHERE Period_Start__c < ${cutoff}`;
  let url: string | undefined = `/services/data/v${connection.version}/query?q=${encodeURIComponent(soql)}`;
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
  let deleted = 0;
  for (let start = 0; start < ids.length; start += CHUNK_SIZE) {
    const chunk = ids.slice(start, start + CHUNK_SIZE);
    try {
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
    } catch (error) {
      for (const id of chunk)
        failures.push({ object, key: `Id ${id}`, reason: `retention delete: ${describeError(error)}` });
    }
  }
  if (ids.length > 0) log(`Retention: ${deleted} user snapshots before ${cutoff} deleted.`);
  return deleted;
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
  for (const [object, rows] of sets) {
    if (rows.length === 0) continue;
    const before = failures.length;
    const written = await upsertObject(connection, object, rows, failures, log, retry);
    objects.push(written);
    log(
      `${object}: ${written.created} created, ${written.updated} updated, ${failures.length - before} refused.`
    );
  }
  let deleted = 0;
  if (options.retentionWeeks !== undefined && options.retentionWeeks > 0) {
    deleted = await applyRetention(
      connection,
      snapshots.periodStart,
      options.retentionWeeks,
      failures,
      log,
      retry
    );
  }
  return { objects, failures, deleted };
}
