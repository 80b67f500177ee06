/* eslint-disable @typescript-eslint/no-non-null-assertion -- fixed-size trend arrays indexed by trendIndex() (noUncheckedIndexedAccess). */
// Stage, activity: per included user, records created and updated, tasks and events logged, active days
// and the trend per period, counted row by row as the objects stream (measured objects, then Task and
// Event when they are not measured); and the key users and sponsors, from their objects.

import {
  idKey,
  nameKey,
  sameName
} from '../../../../force-app/main/default/lwc/completenessScoring/completenessScoring.ts';
import { dayAt, findColumn, sameCell } from '../../csv/cells';
import type { RawCells, RowBatch } from '../../csv/csv-reader';
import type { ObjectDescribe, ReadProgress, RecordSource } from '../../sources/record-source';
import { ROW_COPY, ROW_NOT_RECORD, ROW_RULE_FIELDS, RowRules } from '../row-rules';
import { newDistribution } from '../distribution';
import type { Distribution } from '../distribution';
import { DateReader, type UnreadableDates } from '../periods';
import type { Period } from './plan';

/** What a row of an object counts as: a record (created/updated), a task or an event logged. */
export type ActivityKind = 'record' | 'task' | 'event';

export function activityKind(object: string): ActivityKind {
  const key = nameKey(object);
  return key === 'task' ? 'task' : key === 'event' ? 'event' : 'record';
}

/** One included user's activity in the period, records owned and their completeness, and trends. */
export interface UserStats {
  created: number;
  updated: number;
  tasks: number;
  events: number;
  owned: number;
  /** Bit i = day (period start + i) had activity. */
  days: number;
  dist: Distribution;
  trendCreated: Int32Array;
  trendTasks: Int32Array;
  trendEvents: Int32Array;
}

/** Columns of a batch the activity reads (-1: absent). */
export interface ActivityColumns {
  createdBy: number;
  createdDate: number;
  modifiedBy: number;
  modifiedDate: number;
}

export function activityColumns(columns: readonly string[]): ActivityColumns {
  return {
    createdBy: findColumn(columns, 'CreatedById'),
    createdDate: findColumn(columns, 'CreatedDate'),
    modifiedBy: findColumn(columns, 'LastModifiedById'),
    modifiedDate: findColumn(columns, 'LastModifiedDate')
  };
}

/** Activity of the included users, keyed by user Id. */
export class ActivityLedger {
  readonly stats = new Map<string, UserStats>();
  /** Unreadable dates of the object being read (of included users' rows), by column; see takeUnreadable. */
  private readonly dates = new DateReader();
  /** What the row rules left out of the objects read for activity only (for warnings). */
  readonly rowRuleCounts = new Map<string, { rules: RowRules; describe: ObjectDescribe }>();

  constructor(
    userIds: readonly string[],
    private readonly period: Period
  ) {
    const n = period.trendStarts.length;
    for (const id of userIds) {
      this.stats.set(id, {
        created: 0,
        updated: 0,
        tasks: 0,
        events: 0,
        owned: 0,
        days: 0,
        dist: newDistribution(),
        trendCreated: new Int32Array(n),
        trendTasks: new Int32Array(n),
        trendEvents: new Int32Array(n)
      });
    }
  }

  /** Whether the columns let rows count as activity. */
  static reads(c: ActivityColumns): boolean {
    return (c.createdBy >= 0 && c.createdDate >= 0) || (c.modifiedBy >= 0 && c.modifiedDate >= 0);
  }

  /** Counts row r: its creation (trend and period) and, for records, an update in the period. */
  count(kind: ActivityKind, batch: RowBatch, r: number, c: ActivityColumns, raw: RawCells | null): void {
    const { start, end } = this.period;
    if (c.createdBy >= 0 && c.createdDate >= 0) {
      const s = this.stats.get(idKey(batch.value(r, c.createdBy)));
      if (s) {
        const day = dayAt(batch, raw, r, c.createdDate);
        if (day !== day) this.unreadableAt(batch, r, c.createdDate, 'CreatedDate');
        const t = this.period.trendIndex(day);
        if (t >= 0) {
          if (kind === 'task') s.trendTasks[t]!++;
          else if (kind === 'event') s.trendEvents[t]!++;
          else s.trendCreated[t]!++;
        }
        if (day >= start && day < end) {
          if (kind === 'task') s.tasks++;
          else if (kind === 'event') s.events++;
          else s.created++;
          s.days |= 1 << (day - start);
        }
      }
    }
    if (kind === 'record' && c.modifiedBy >= 0 && c.modifiedDate >= 0) {
      const s = this.stats.get(idKey(batch.value(r, c.modifiedBy)));
      if (s) {
        const day = dayAt(batch, raw, r, c.modifiedDate);
        if (day !== day) this.unreadableAt(batch, r, c.modifiedDate, 'LastModifiedDate');
        if (
          day >= start &&
          day < end &&
          (c.createdDate < 0 || !sameCell(batch, raw, r, c.modifiedDate, c.createdDate))
        ) {
          s.updated++;
          s.days |= 1 << (day - start);
        }
      }
    }
  }

  /** Counts a date cell that dayAt could not read (NaN), unless it is empty (no date is not a bad date). */
  private unreadableAt(batch: RowBatch, r: number, col: number, column: string): void {
    if (!batch.isEmpty(r, col)) this.dates.unread(batch.value(r, col), column);
  }

  /** The unreadable dates counted since the last call (one object's), and starts afresh. */
  takeUnreadable(): UnreadableDates[] {
    return this.dates.take();
  }

  /** Reads an object not measured (Task, Event) for its activity only; returns the records read. */
  async readActivityOnly(source: RecordSource, object: string, progress?: ReadProgress): Promise<number> {
    const kind = activityKind(object);
    const d = await source.describe(object);
    if (!d) return 0;
    const has = (f: string): boolean => d.fields.some((x) => sameName(x.name, f));
    if (!has('CreatedById') || !has('CreatedDate')) return 0;
    const wanted = ['CreatedById', 'CreatedDate', ...ROW_RULE_FIELDS.filter(has)];
    const rules = new RowRules(d.sharedIds ?? (d.parts ?? 1) > 1, d.name);
    let flags = new Uint8Array(1024);
    let n = 0;
    for await (const batch of source.streamRecords(object, wanted, { progress })) {
      const columns: ActivityColumns = {
        createdBy: findColumn(batch.columns, 'CreatedById'),
        createdDate: findColumn(batch.columns, 'CreatedDate'),
        modifiedBy: -1,
        modifiedDate: -1
      };
      const raw = batch.raw ? batch.raw() : null;
      if (flags.length < batch.length) flags = new Uint8Array(batch.length * 2);
      rules.mark(batch, raw, flags);
      for (let r = 0; r < batch.length; r++)
        if ((flags[r]! & (ROW_NOT_RECORD | ROW_COPY)) === 0) this.count(kind, batch, r, columns, raw);
      n += batch.length;
    }
    this.rowRuleCounts.set(object, { rules, describe: d });
    return n;
  }
}

/** The non-empty values of a field of an object (e.g. Key_User__c.User__c), or none when absent. */
export async function idsFrom(
  source: RecordSource,
  available: Map<string, string>,
  object: string,
  field: string
): Promise<Set<string>> {
  const ids = new Set<string>();
  const found = available.get(nameKey(object));
  if (!found) return ids;
  const d = await source.describe(found);
  if (!d || !d.fields.some((f) => sameName(f.name, field))) return ids;
  for await (const batch of source.streamRecords(found, [field])) {
    const c = findColumn(batch.columns, field);
    if (c < 0) continue;
    for (let r = 0; r < batch.length; r++) if (!batch.isEmpty(r, c)) ids.add(idKey(batch.value(r, c)));
  }
  return ids;
}
