// What a sync run prints, for both entry points: the sf CLI's --json envelope, errors with what to do
// (shape, exit code and text as sf-plugins-core prints them), the write summary, warnings, and the human
// output (plain tables), the same text from `sf adoption sync`, `npm run sync` and `npm run demo`.

import { championCandidatesOf, type SyncResult } from '../engine/result';
import { classifyFailure, EXIT, SyncInputError, SyncServerError } from '../errors';
import { message, messageList } from './messages';
import { plural } from '../messages';

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
  /** The original error's stack, printed only in the sf CLI's development mode (`devMode`). */
  stack?: string;
}

/**
 * The sf CLI's convention for internal diagnostics: SF_ENV=development (sf-plugins-core's `formatError`
 * then prints the error inspected; @salesforce/core `Mode.DEVELOPMENT`). Otherwise no stack is printed.
 */
export function devMode(env: NodeJS.ProcessEnv): boolean {
  return env.SF_ENV === 'development';
}

/** oclif's flag errors (unknown flag, missing value, value outside the options…) carry `oclif.exit`. */
function isOclifError(error: unknown): boolean {
  return typeof (error as { oclif?: { exit?: unknown } } | null)?.oclif?.exit === 'number';
}

const actionsOf = (hint: string): string[] => hint.split('\n').filter((a) => a.trim() !== '');

/**
 * Describes any error of a run: SyncInputError → 2, SyncServerError → 3, an oclif flag error → BadFlags
 * with 2, whatever exit code oclif gave it (through the real sf CLI, most flag errors carry the CLI's
 * `oclif.exitCodes.default`, 1; through `npm run sync`, oclif's own 2), Salesforce limits or transient
 * failures → 3, anything else → 2 with the generic action (the run's input is the likeliest cause).
 * Every shape has a name, a message and actions.
 */
export function describeError(error: unknown): ErrorShape {
  const stack = error instanceof Error && error.stack ? { stack: error.stack } : {};
  if (error instanceof SyncInputError || error instanceof SyncServerError) {
    return {
      name: error.name,
      message: error.message,
      actions: actionsOf(error.hint),
      exitCode: error instanceof SyncInputError ? EXIT.badInput : EXIT.server,
      ...stack
    };
  }
  const e = (error ?? {}) as { message?: unknown };
  const text = typeof e.message === 'string' && e.message !== '' ? e.message : String(error);
  if (isOclifError(error)) {
    return {
      name: 'BadFlagsError',
      // Our actions say where the help is.
      message: message('error.BadFlags', [text.replace(/\n?See more help with --help$/, '')]),
      actions: messageList('error.BadFlags.actions'),
      exitCode: EXIT.badInput,
      ...stack
    };
  }
  const kind = classifyFailure(error).kind;
  if (kind === 'transient' || kind === 'limits') {
    return {
      name: 'ServerFailedError',
      message: message('error.ServerFailed', [text]),
      actions: messageList('error.ServerFailed.actions'),
      exitCode: EXIT.server,
      ...stack
    };
  }
  return {
    name: 'UnexpectedError',
    message: message('error.Unexpected', [text]),
    actions: messageList('error.Unexpected.actions'),
    exitCode: EXIT.badInput,
    ...stack
  };
}

/**
 * The error as sf-plugins-core's `formatError` prints it on stderr (colours aside); the stack only in
 * development mode (`devMode`), as sf's "Internal Diagnostic".
 */
export function errorText(shape: ErrorShape, env: NodeJS.ProcessEnv = {}): string {
  const lines = [`Error (${shape.name}): ${shape.message}`, ''];
  if (shape.actions.length > 0) lines.push('\nTry this:\n', ...shape.actions);
  if (shape.stack && devMode(env)) lines.push('\n*** Internal Diagnostic ***\n', shape.stack, '******');
  return `${[...lines, ''].join('\n')}\n`;
}

/**
 * The error envelope of --json, with the keys of sf-plugins-core's `SfCommandError.toJson()`: name,
 * message, exit code, actions, code (= name), status; the stack only in development mode (`devMode`).
 */
export function errorJson(shape: ErrorShape, env: NodeJS.ProcessEnv = {}): Record<string, unknown> {
  return {
    name: shape.name,
    message: shape.message,
    exitCode: shape.exitCode,
    ...(shape.actions.length > 0 ? { actions: shape.actions } : {}),
    context: 'AdoptionSync',
    ...(shape.stack && devMode(env) ? { stack: shape.stack } : {}),
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
interface ResultTable {
  title: string;
  columns: string[];
  rows: (string | number)[][];
}

const pct = (v: number | null): string => (v === null ? '-' : `${(v * 100).toFixed(1)}%`);

/** The tables of a run (objects, rule fields per object, teams), shared by both renderers. */
function resultTables(result: SyncResult): ResultTable[] {
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
function headline(result: SyncResult): string {
  return `Adoption Cockpit sync — ${result.source.description} — ${result.period.type} ${result.period.start}..${result.period.end}`;
}

/** The closing lines of the human output: champions, users, snapshots. */
function footer(result: SyncResult): string[] {
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
        ? ` — written, ${result.write.failures.length} ${plural('en', result.write.failures.length, 'failure', 'failures')}.`
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

/**
 * The human output on stdout, as plain text, from both entry points and `npm run demo`. The result's
 * warnings are not in it: they go once to stderr (`warningText`).
 */
export function formatTable(result: SyncResult): string {
  const blocks = [headline(result), ...resultTables(result).map(plainTable), ...footer(result)];
  return `${blocks.join('\n\n')}\n`;
}

/** A warning on stderr as sf-plugins-core's `SfCommand.warn` prints it (colours aside). */
export function warningText(warning: string): string {
  return `Warning: ${warning}\n`;
}
