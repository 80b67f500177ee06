// What a sync run prints, for both entry points: the sf CLI's --json envelope, errors with what to do
// (shape, exit code and text as sf-plugins-core prints them), the write summary, and the result tables
// (their data for the sf command's table renderer, and a plain renderer for the launcher and the demo).

import { championCandidatesOf, type SyncResult } from '../engine/result';
import { classifyFailure, EXIT, SyncInputError, SyncServerError } from '../errors';
import { message, messageList } from './messages';

/** The sf CLI's success envelope (sf-plugins-core `SfCommand.toSuccessJson`): status = exit code. */
export interface SuccessJson {
  status: number;
  result: SyncResult;
  warnings: string[];
}

/** The envelope of a finished run; its warnings are the result's (sf's `this.warn` for each). */
export function successJson(result: SyncResult, exitCode: number): SuccessJson {
  return { status: exitCode, result, warnings: [...result.warnings] };
}

/** JSON as the sf CLI prints it without colours (oclif `colorizeJson`: two-space indent, then a line break). */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** An error as the sf CLI reports it: name, message, what to do, exit code (README "Exit codes"). */
export interface ErrorShape {
  name: string;
  message: string;
  actions: string[];
  exitCode: number;
}

const actionsOf = (hint: string): string[] => hint.split('\n').filter((a) => a.trim() !== '');

/**
 * Describes any error of a run: SyncInputError → 2, SyncServerError → 3, Salesforce limits or transient
 * failures → 3, an oclif/sf error keeps its own exit code and actions, anything else → 2 with the
 * generic action (the run's input is the likeliest cause).
 */
export function describeError(error: unknown): ErrorShape {
  if (error instanceof SyncInputError || error instanceof SyncServerError) {
    return {
      name: error.name,
      message: error.message,
      actions: actionsOf(error.hint),
      exitCode: error instanceof SyncInputError ? EXIT.badInput : EXIT.server
    };
  }
  const e = (error ?? {}) as { name?: unknown; message?: unknown; actions?: unknown; exitCode?: unknown };
  const text = typeof e.message === 'string' && e.message !== '' ? e.message : String(error);
  const kind = classifyFailure(error).kind;
  if (kind === 'transient' || kind === 'limits') {
    return {
      name: 'ServerFailedError',
      message: message('error.ServerFailed', [text]),
      actions: messageList('error.ServerFailed.actions'),
      exitCode: EXIT.server
    };
  }
  return {
    name: 'UnexpectedError',
    message: message('error.Unexpected', [text]),
    actions: messageList('error.Unexpected.actions'),
    exitCode: EXIT.badInput
  };
}

/** The error as sf-plugins-core's `formatError` prints it on stderr (colours aside). */
export function errorText(shape: ErrorShape): string {
  const lines = [`Error (${shape.name}): ${shape.message}`, ''];
  if (shape.actions.length > 0) lines.push('\nTry this:\n', ...shape.actions);
  return `${[...lines, ''].join('\n')}\n`;
}

/**
 * The error envelope of --json, with the keys of sf-plugins-core's `SfCommandError.toJson()` except the
 * stack trace (which differs by entry point) and `cause`.
 */
export function errorJson(shape: ErrorShape): Record<string, unknown> {
  return {
    name: shape.name,
    message: shape.message,
    exitCode: shape.exitCode,
    ...(shape.actions.length > 0 ? { actions: shape.actions } : {}),
    context: 'AdoptionSync',
    warnings: [],
    code: shape.name,
    status: shape.exitCode,
    commandName: 'AdoptionSync'
  };
}

/** Warnings after a write: refused rows (exit 1) and a retention that stopped (exit 3), with what to do. */
export function writeWarnings(result: SyncResult): string[] {
  const out: string[] = [];
  const write = result.write;
  if (write && write.failures.length > 0) {
    out.push(
      [
        message('warning.RecordsRefused', [
          write.failures.length,
          write.failures.map((f) => `  ${f.object} ${f.key}: ${f.reason}`).join('\n')
        ]),
        ...messageList('warning.RecordsRefused.actions')
      ].join('\n')
    );
  }
  if (write?.retention?.error) {
    out.push(
      [
        message('warning.RetentionStopped', [write.retention.cutoff, write.retention.error]),
        ...messageList('warning.RetentionStopped.actions')
      ].join('\n')
    );
  }
  return out;
}

/** One table of the human output: a title (may be empty), column names and rows. */
export interface ResultTable {
  title: string;
  columns: string[];
  rows: (string | number)[][];
}

const pct = (v: number | null): string => (v === null ? '-' : `${(v * 100).toFixed(1)}%`);

/** The tables of a run (objects, rule fields per object, teams), shared by both renderers. */
export function resultTables(result: SyncResult): ResultTable[] {
  const tables: ResultTable[] = [
    {
      title: '',
      columns: ['Object', 'Records', 'Excluded', 'Fields', 'Avg completeness', 'Complete'],
      rows: result.objects.map((o) => [
        o.name,
        o.records,
        o.excludedRecords,
        o.fields.length,
        pct(o.completeness.average),
        o.completeness.complete
      ])
    }
  ];
  for (const o of result.objects) {
    if (o.ruleFields.length === 0) continue;
    tables.push({
      title: `${o.name}: fields with completeness rules`,
      columns: ['Field', 'Applies to', 'Filled', 'Fill rate'],
      rows: o.ruleFields.map((f) => [
        f.field,
        f.records,
        f.filled,
        pct(f.records ? f.filled / f.records : null)
      ])
    });
  }
  tables.push({
    title: 'Teams',
    columns: ['Team', 'Users', 'Active', 'Key users', 'Avg engagement', 'Minutes saved'],
    rows: result.teams.map((t) => [
      t.team,
      t.users,
      t.activeUsers,
      t.keyUsers,
      t.averageEngagement,
      t.minutesSaved
    ])
  });
  return tables;
}

/** The heading line of the human output. */
export function headline(result: SyncResult): string {
  return `Adoption Cockpit sync — ${result.source.description} — ${result.period.type} ${result.period.start}..${result.period.end}`;
}

/** The closing lines of the human output: champions, users, snapshots. */
export function footer(result: SyncResult): string[] {
  const out: string[] = [];
  const champions = championCandidatesOf(result);
  if (champions.length > 0) {
    out.push(
      `Champion candidates: ${champions.map((c) => `${c.name} (${c.team}, ${c.engagementScore})`).join(', ')}`
    );
  }
  out.push(
    `Users: ${result.users.length} measured, ${result.excludedUsers.length} excluded (integration, automated, inactive). ` +
      `Snapshots: ${result.snapshots.user} user, ${result.snapshots.team} team, ${result.snapshots.completeness} completeness` +
      (result.write
        ? ` — written, ${result.write.failures.length} failures.`
        : ' (not written: --write with an org).')
  );
  return out;
}

function plainTable(t: ResultTable): string {
  const cells = [t.columns, ...t.rows.map((r) => r.map(String))];
  const widths = t.columns.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]): string =>
    r
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const body = [line(t.columns), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)];
  return (t.title ? [t.title, ...body] : body).join('\n');
}

/** The human output as plain text (the launcher and `npm run demo`); warnings last. */
export function formatTable(result: SyncResult): string {
  const blocks = [headline(result), ...resultTables(result).map(plainTable), ...footer(result)];
  const warnings = result.warnings.map((w) => `warning: ${w}`);
  return `${[blocks.join('\n\n'), ...warnings].join('\n')}\n`;
}
