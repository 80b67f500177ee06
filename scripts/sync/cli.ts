// npm run sync -- <flags>: the completeness and adoption sync. See HELP below (one place for flags,
// summaries and examples) and the README section "The sync".

import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { measureRun } from './engine/measure';
import type { SyncResult } from './engine/result';
import { classifyFailure, EXIT, SyncInputError, SyncServerError } from './errors';
import { Progress } from './progress';
import { aggregatesOf } from './report/aggregates';
import { checkOutWritable, writeFileAtomic, writeReport } from './report/write-report';
import { reportLabels } from './report/field-labels';
import { ExportSource } from './sources/export-source';
import { openOrgSource } from './sources/org-source';
import { writeSnapshots } from './sinks/snapshot-writer';
import type { OrgRecordSource, RecordSource } from './sources/record-source';
import type { PeriodType } from './snapshots/types';
import { formatTable } from './table';

export const HELP = `Adoption Cockpit sync: measures how completely records are filled in and how actively people
use the CRM, per object, field, owner, team, record type and stage; writes snapshots into the org.

Usage: npm run sync -- [source] [options]

Source (one of):
  --target-org <alias|username>   a login stored by the sf CLI (sf org login web / jwt / sfdx-url)
  --instance-url <url> --access-token <token>
                                  a session (or env SF_INSTANCE_URL and SF_ACCESS_TOKEN)
  --from-export <folder|zip>      a Salesforce Data Export: one <Object>.csv per object, User.csv,
                                  UserRole.csv; repeat or comma-separate for several zips. Offline.

Options:
  --objects <A,B>                 objects to measure (default Account,Contact,Lead,Opportunity and
                                  every object with a completeness rule)
  --encoding <label>              encoding of the export CSVs (default utf-8; e.g. windows-1252, latin1)
  --period <Day|Week|Month>       snapshot period (default: Cockpit setting, Week)
  --as-of <yyyy-mm-dd>            date whose period is measured (default: the last complete period; not after today
                                  with --write)
  --team-field <field>            User field giving the team (default UserRole.Name; e.g. Department)
  --include-integration-users     keep integration/automated users (excluded by user type and profile)
  --include-inactive-users        keep inactive users (excluded by default)
  --write                         upsert the snapshots into the org (live source only)
  --json                          print the result as one JSON document on stdout
  --out <folder>                  write index.html (self-contained report) and result.json there,
                                  keeping earlier runs in <folder>/history/ for trends
  --aggregates-out <file>         also write per-object and per-team figures only (no person, teams of
                                  fewer than 3 users left out): what may leave the org, e.g. as a CI artifact
  --lang <en|fr>                  language of the HTML report (default en)
  --people                        include figures per person in the HTML report (off by default:
                                  teams only, no named ranking)
  --rules <folder>                custom metadata record files for an export run
                                  (default force-app/main/default/customMetadata)
  -h, --help                      this help

Exit codes: 0 done, 1 some snapshot records were refused by the org (listed), 2 bad input or login
(message says what to fix), 3 Salesforce or the network kept failing after the retries (rerun later).
The report (--out) and the JSON are written whenever the measurement finished, whatever the exit code.

Examples:
  npm run sync -- --from-export data/sample-export --out reports/demo
  npm run sync -- --from-export ~/Downloads/WE_00D5g_1.zip --encoding windows-1252 --objects Opportunity --json
  npm run sync -- --target-org acme-prod --write
  SF_INSTANCE_URL=https://acme.my.salesforce.com SF_ACCESS_TOKEN=00D... npm run sync -- --write --period Day
`;

export interface CliOptions {
  targetOrg?: string;
  instanceUrl?: string;
  accessToken?: string;
  fromExport: string[];
  encoding?: string;
  objects?: string[];
  write: boolean;
  json: boolean;
  out?: string;
  aggregatesOut?: string;
  period?: PeriodType;
  asOf?: string;
  teamField?: string;
  includeIntegrationUsers: boolean;
  includeInactiveUsers: boolean;
  lang: 'en' | 'fr';
  people: boolean;
  rules?: string;
  help: boolean;
}

const list = (value: string | string[] | undefined): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);

/** Parses argv and the environment; throws SyncInputError on bad flags. */
export function parseCli(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: false,
      strict: true,
      options: {
        'target-org': { type: 'string', short: 'o' },
        'instance-url': { type: 'string' },
        'access-token': { type: 'string' },
        'from-export': { type: 'string', multiple: true },
        encoding: { type: 'string' },
        objects: { type: 'string', multiple: true },
        write: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        out: { type: 'string' },
        'aggregates-out': { type: 'string' },
        period: { type: 'string' },
        'as-of': { type: 'string' },
        'team-field': { type: 'string' },
        'include-integration-users': { type: 'boolean', default: false },
        'include-inactive-users': { type: 'boolean', default: false },
        lang: { type: 'string', default: 'en' },
        people: { type: 'boolean', default: false },
        rules: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false }
      }
    });
  } catch (error) {
    throw new SyncInputError((error as Error).message, 'Run npm run sync -- --help for the flags.');
  }
  const v = parsed.values;
  const period = v.period;
  if (period !== undefined && !['Day', 'Week', 'Month'].includes(period)) {
    throw new SyncInputError(
      `--period "${period}" is not Day, Week or Month.`,
      'Use --period Day, Week or Month.'
    );
  }
  const asOf = v['as-of'];
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
    throw new SyncInputError(`--as-of "${asOf}" is not a date.`, 'Use yyyy-mm-dd, e.g. --as-of 2026-11-20.');
  }
  const lang = v.lang;
  if (lang !== 'en' && lang !== 'fr') {
    throw new SyncInputError(`--lang "${lang}" is not supported.`, 'Use --lang en or --lang fr.');
  }
  const fromExport = list(v['from-export']);
  const options: CliOptions = {
    targetOrg: v['target-org'],
    instanceUrl: v['instance-url'] ?? (fromExport.length === 0 ? env.SF_INSTANCE_URL : undefined),
    accessToken: v['access-token'] ?? (fromExport.length === 0 ? env.SF_ACCESS_TOKEN : undefined),
    fromExport,
    encoding: v.encoding,
    objects: v.objects ? list(v.objects) : undefined,
    write: v.write,
    json: v.json,
    out: v.out,
    aggregatesOut: v['aggregates-out'],
    period: period as PeriodType | undefined,
    asOf,
    teamField: v['team-field'],
    includeIntegrationUsers: v['include-integration-users'],
    includeInactiveUsers: v['include-inactive-users'],
    lang,
    people: v.people,
    rules: v.rules,
    help: v.help
  };
  if (options.help) return options;
  const live = Boolean(options.targetOrg || options.instanceUrl || options.accessToken);
  if (fromExport.length > 0 && live) {
    throw new SyncInputError(
      '--from-export cannot be combined with --target-org, --instance-url or --access-token.',
      'Choose one source: an export folder, or an org.'
    );
  }
  if (fromExport.length === 0 && !live) {
    throw new SyncInputError(
      'No source: no --target-org, no --instance-url/--access-token (nor SF_INSTANCE_URL/SF_ACCESS_TOKEN), no --from-export.',
      'Log in with `sf org login web --alias my-org` and pass --target-org my-org, or pass --from-export <folder>.'
    );
  }
  if (!options.targetOrg && Boolean(options.instanceUrl) !== Boolean(options.accessToken)) {
    throw new SyncInputError(
      options.instanceUrl
        ? 'An instance URL without an access token.'
        : 'An access token without an instance URL.',
      'Pass both --instance-url and --access-token (or SF_INSTANCE_URL and SF_ACCESS_TOKEN), or use --target-org.'
    );
  }
  if (options.write && asOf !== undefined && asOf > today(env)) {
    throw new SyncInputError(
      `--as-of ${asOf} is after today (${today(env)}): its snapshots would become everybody's latest figures.`,
      'Drop --as-of (today), or pass a date up to today; without --write any date is measured.'
    );
  }
  if (options.rules !== undefined && fromExport.length === 0) {
    throw new SyncInputError(
      '--rules applies to an export run: a live run reads the org’s own custom metadata records.',
      'Drop --rules, or deploy the rules to the org (npm run deploy).'
    );
  }
  if (options.write && fromExport.length > 0) {
    throw new SyncInputError(
      '--write needs an org: an export run never writes anywhere.',
      'Drop --write, or run against --target-org to upsert the snapshots.'
    );
  }
  return options;
}

/** Today, UTC (yyyy-mm-dd). SYNC_TODAY overrides it for tests of date rules. */
function today(env: NodeJS.ProcessEnv): string {
  const forced = env.SYNC_TODAY;
  return forced && /^\d{4}-\d{2}-\d{2}$/.test(forced) ? forced : new Date().toISOString().slice(0, 10);
}

export interface CliRun {
  result?: SyncResult;
  exitCode: number;
}

/** Runs the sync; prints to stdout/stderr; returns the exit code. */
export async function runCli(
  argv: readonly string[],
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WriteStream; env: NodeJS.ProcessEnv } = {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env
  }
): Promise<CliRun> {
  let source: RecordSource | undefined;
  try {
    const options = parseCli(argv, io.env);
    if (options.help) {
      io.stdout.write(HELP);
      return { exitCode: 0 };
    }
    const progress = new Progress(options.json && !io.stderr.isTTY, io.stderr);
    // Found before reading or writing anything: a run never ends with figures it cannot save.
    if (options.out) checkOutWritable(options.out);
    if (options.aggregatesOut) checkOutWritable(dirname(resolve(options.aggregatesOut)), false);
    if (options.fromExport.length > 0) {
      source = new ExportSource({
        paths: options.fromExport,
        encoding: options.encoding,
        rulesDir: options.rules
      });
    } else {
      source = await openOrgSource({
        targetOrg: options.targetOrg,
        instanceUrl: options.instanceUrl,
        accessToken: options.accessToken,
        log: (m: string) => {
          progress.info(m);
        }
      });
    }
    const opened: RecordSource = source;
    const measured = await measureRun(opened, {
      objects: options.objects,
      teamField: options.teamField,
      periodType: options.period,
      asOf: options.asOf,
      includeIntegrationUsers: options.includeIntegrationUsers,
      includeInactiveUsers: options.includeInactiveUsers,
      progress
    });
    let result: SyncResult = measured.result;
    let exitCode: number = EXIT.ok;
    let writeError: unknown;
    if (options.write && opened.kind === 'org') {
      try {
        const rules = await opened.loadRules();
        const written = await writeSnapshots(opened as OrgRecordSource, measured.snapshots, {
          retentionWeeks: rules.settings.userSnapshotRetentionWeeks,
          today: today(io.env),
          log: (m: string) => {
            progress.info(m);
          }
        });
        result = { ...result, write: written };
        if (written.failures.some((f) => f.kind === 'server') || written.retention?.error)
          exitCode = EXIT.server;
        else if (written.failures.length > 0) exitCode = EXIT.refused;
      } catch (error) {
        // A write that stopped half way (session expired…): the figures are still reported and saved.
        writeError = error;
        result = {
          ...result,
          warnings: [...result.warnings, `The write stopped: ${(error as Error).message}`]
        };
      }
    }
    // Saved and printed whatever happened to the write: the report, the JSON and the write summary.
    if (options.out) {
      const labels = await reportLabels(opened, result, options.lang);
      const where = writeReport(result, options.out, options.lang, { people: options.people, labels });
      for (const skipped of where.skippedHistory) io.stderr.write(`warning: ${skipped}\n`);
      progress.info(`Report: ${where.html}\nJSON: ${where.json}`);
    }
    if (options.aggregatesOut) {
      writeFileAtomic(options.aggregatesOut, `${JSON.stringify(aggregatesOf(result), null, 2)}\n`);
    }
    if (options.json) io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else io.stdout.write(formatTable(result));
    if (result.write && result.write.failures.length > 0) {
      io.stderr.write(
        `${result.write.failures.length} snapshot records were not written:\n` +
          result.write.failures.map((f) => `  ${f.object} ${f.key}: ${f.reason}`).join('\n') +
          '\nFix the cause (validation rule, field access of the sync user) and run again: rows are upserted by key.\n'
      );
    }
    if (result.write?.retention?.error) {
      io.stderr.write(
        `error: retention (deleting user snapshots before ${result.write.retention.cutoff}) stopped: ${result.write.retention.error}\n` +
          '  what to do: the snapshots of this run are written; rerun later and retention runs again.\n'
      );
    }
    if (writeError !== undefined) return { result, exitCode: reportError(writeError, io.stderr) };
    return { result, exitCode };
  } catch (error) {
    return { exitCode: reportError(error, io.stderr) };
  } finally {
    await source?.close().catch(() => undefined);
  }
}

/** Prints an error with what to do; returns its exit code (README "Exit codes"). */
function reportError(error: unknown, stderr: NodeJS.WritableStream): number {
  if (error instanceof SyncInputError) {
    stderr.write(`error: ${error.message}\n  what to do: ${error.hint}\n`);
    return EXIT.badInput;
  }
  if (error instanceof SyncServerError) {
    stderr.write(`error: ${error.message}\n  what to do: ${error.hint}\n`);
    return EXIT.server;
  }
  const e = error as Error;
  const kind = classifyFailure(error).kind;
  if (kind === 'transient' || kind === 'limits') {
    stderr.write(
      `error: ${e.message || String(error)}\n  what to do: Salesforce or the network failed; rerun later (snapshots are upserted by key: nothing is duplicated).\n`
    );
    return EXIT.server;
  }
  stderr.write(
    `error: ${e.message || String(error)}\n  what to do: check the source and the flags (npm run sync -- --help); if it persists, rerun with NODE_DEBUG=sync and report the message.\n`
  );
  return EXIT.badInput;
}

if (require.main === module) {
  runCli(process.argv.slice(2)).then(
    ({ exitCode }) => {
      process.exitCode = exitCode;
    },
    (error: unknown) => {
      process.stderr.write(`error: ${String(error)}\n`);
      process.exitCode = 2;
    }
  );
}
