// npm run sync -- <flags>: the completeness and adoption sync. See HELP below (one place for flags,
// summaries and examples) and the README section "The sync".

import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { measureRun } from './engine/measure';
import type { SyncResult } from './engine/result';
import { SyncInputError } from './errors';
import { Progress } from './progress';
import { writeReport } from './report/write-report';
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
  --as-of <yyyy-mm-dd>            date whose period is measured (default today, UTC)
  --team-field <field>            User field giving the team (default UserRole.Name; e.g. Department)
  --include-integration-users     keep integration/automated users (excluded by user type and profile)
  --include-inactive-users        keep inactive users (excluded by default)
  --write                         upsert the snapshots into the org (live source only)
  --json                          print the result as one JSON document on stdout
  --out <folder>                  write index.html (self-contained report) and result.json there,
                                  keeping earlier runs in <folder>/history/ for trends
  --lang <en|fr>                  language of the HTML report (default en)
  --rules <folder>                custom metadata record files for an export run
                                  (default force-app/main/default/customMetadata)
  -h, --help                      this help

Exit codes: 0 done, 1 some snapshot records were not written (listed), 2 bad input (message says what
to fix).

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
  period?: PeriodType;
  asOf?: string;
  teamField?: string;
  includeIntegrationUsers: boolean;
  includeInactiveUsers: boolean;
  lang: 'en' | 'fr';
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
        period: { type: 'string' },
        'as-of': { type: 'string' },
        'team-field': { type: 'string' },
        'include-integration-users': { type: 'boolean', default: false },
        'include-inactive-users': { type: 'boolean', default: false },
        lang: { type: 'string', default: 'en' },
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
    period: period as PeriodType | undefined,
    asOf,
    teamField: v['team-field'],
    includeIntegrationUsers: v['include-integration-users'],
    includeInactiveUsers: v['include-inactive-users'],
    lang,
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
  if (options.write && fromExport.length > 0) {
    throw new SyncInputError(
      '--write needs an org: an export run never writes anywhere.',
      'Drop --write, or run against --target-org to upsert the snapshots.'
    );
  }
  return options;
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
    let exitCode = 0;
    if (options.write && opened.kind === 'org') {
      const rules = await opened.loadRules();
      const written = await writeSnapshots(opened as OrgRecordSource, measured.snapshots, {
        retentionWeeks: rules.settings.userSnapshotRetentionWeeks,
        log: (m: string) => {
          progress.info(m);
        }
      });
      result = { ...result, write: written };
      if (written.failures.length > 0) exitCode = 1;
    }
    if (options.out) {
      mkdirSync(options.out, { recursive: true });
      const where = writeReport(result, options.out, options.lang);
      progress.info(`Report: ${where.html}\nJSON: ${where.json}`);
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
    return { result, exitCode };
  } catch (error) {
    if (error instanceof SyncInputError) {
      io.stderr.write(`error: ${error.message}\n  what to do: ${error.hint}\n`);
      return { exitCode: 2 };
    }
    const e = error as Error & { errorCode?: string; name?: string };
    io.stderr.write(
      `error: ${e.message || String(error)}\n  what to do: check the source and the flags (npm run sync -- --help); if it persists, rerun with NODE_DEBUG=sync and report the message.\n`
    );
    return { exitCode: 2 };
  } finally {
    await source?.close().catch(() => undefined);
  }
}

/** Writes a file, creating its folder. */
export function writeText(path: string, text: string): void {
  writeFileSync(path, text);
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
