// One sync run, whichever entry point started it (the sf command or the npm run sync launcher): open the
// source, measure, write the snapshots (--write), the report (--out) and the aggregates. Printing the
// result is the caller's (output.ts); progress and warnings go through the host.
//
// The live source (jsforce, @salesforce/core) is imported only for a live run: an export run loads
// neither (issue 11 times `npm run sync -- --from-export … --json` as a process).

import { dirname, resolve } from 'node:path';
import { measureRun, type MeasureProgress } from '../engine/measure';
import { withWarning, type SyncResult } from '../engine/result';
import { EXIT } from '../errors';
import { warningOf } from '../messages';
import { aggregatesOf } from '../report/aggregates';
import { reportLabels } from '../report/field-labels';
import { checkOutWritable, writeFileAtomic, writeReport } from '../report/write-report';
import { ExportSource } from '../sources/export-source';
import type { OrgRecordSource, RecordSource } from '../sources/record-source';
import { message } from './messages';
import { today, type SyncOptions } from './options';
import { describeError, errorText, writeWarnings } from './output';

/** Where a run reports while it works: progress per object, and lines for the person running it. */
export interface SyncHost {
  progress: MeasureProgress;
  /** A line of information (report paths, the live source's retries); not shown with --json. */
  info(text: string): void;
  /** A warning on stderr, with --json too (it is not part of the result). */
  warn(text: string): void;
}

/** A finished measurement: the result, its exit code (README "Exit codes") and what was said on stderr. */
export interface SyncRun {
  result: SyncResult;
  exitCode: number;
}

// The live path's modules, loaded when a live run needs them: CommonJS require keeps them lazy in the
// compiled output, under tsx and under jest alike (a dynamic import() needs a flag in jest).
/* eslint-disable @typescript-eslint/no-require-imports -- lazy on purpose, see above */
const orgSource = () => require('../sources/org-source') as typeof import('../sources/org-source');
const snapshotWriter = () => require('../sinks/snapshot-writer') as typeof import('../sinks/snapshot-writer');
/* eslint-enable @typescript-eslint/no-require-imports */

async function openSource(options: SyncOptions, host: SyncHost): Promise<RecordSource> {
  if (options.fromExport.length > 0) {
    return new ExportSource({
      paths: options.fromExport,
      encoding: options.encoding,
      rulesDir: options.rules
    });
  }
  const { openOrgSource } = orgSource();
  return openOrgSource({
    targetOrg: options.targetOrg,
    apiVersion: options.apiVersion,
    instanceUrl: options.instanceUrl,
    accessToken: options.accessToken,
    log: (m: string) => {
      host.info(m);
    }
  });
}

/** --write: upserts the snapshot rows; a write that stops half way keeps the figures and says why. */
async function write(
  source: OrgRecordSource,
  measured: Awaited<ReturnType<typeof measureRun>>,
  host: SyncHost,
  env: NodeJS.ProcessEnv
): Promise<SyncRun> {
  const { writeSnapshots } = snapshotWriter();
  let result = measured.result;
  try {
    const rules = await source.loadRules();
    const written = await writeSnapshots(source, measured.snapshots, {
      retentionWeeks: rules.settings.userSnapshotRetentionWeeks,
      today: today(env),
      log: (m: string) => {
        host.info(m);
      }
    });
    result = { ...result, write: written };
    for (const text of writeWarnings(result)) host.warn(text);
    const exitCode =
      written.failures.some((f) => f.kind === 'server') || written.retention?.error
        ? EXIT.server
        : written.failures.length > 0
          ? EXIT.refused
          : EXIT.ok;
    return { result, exitCode };
  } catch (error) {
    // A write that stopped half way (session expired…): the figures are still reported and saved.
    const shape = describeError(error);
    host.warn(errorText(shape).trimEnd());
    result = withWarning(result, warningOf('adoption.sync', 'warning.WriteStopped', [shape.message]));
    return { result, exitCode: shape.exitCode };
  }
}

/**
 * Runs the sync once. The report (--out), the aggregates and the returned result are produced whenever
 * the measurement finished, whatever the exit code.
 * @throws SyncInputError (exit 2) or any failure before the measurement finished (describeError says
 *   its exit code)
 */
export async function runSync(
  options: SyncOptions,
  host: SyncHost,
  env: NodeJS.ProcessEnv
): Promise<SyncRun> {
  // Found before reading or writing anything: a run never ends with figures it cannot save.
  if (options.out) checkOutWritable(options.out);
  if (options.aggregatesOut) {
    checkOutWritable(dirname(resolve(options.aggregatesOut)), {
      withHistory: false,
      flag: 'aggregates-out',
      given: options.aggregatesOut
    });
  }
  const source = await openSource(options, host);
  try {
    const measured = await measureRun(source, {
      objects: options.objects,
      teamField: options.teamField,
      periodType: options.period,
      asOf: options.asOf,
      today: today(env),
      includeIntegrationUsers: options.includeIntegrationUsers,
      includeInactiveUsers: options.includeInactiveUsers,
      progress: host.progress
    });
    const run =
      options.write && source.kind === 'org'
        ? await write(source as OrgRecordSource, measured, host, env)
        : { result: measured.result, exitCode: EXIT.ok };
    if (options.out) {
      const labels = await reportLabels(source, run.result, options.lang);
      const where = writeReport(run.result, options.out, options.lang, { people: options.people, labels });
      for (const skipped of where.skippedHistory) host.warn(skipped);
      host.info(message('info.Report', [where.html, where.json]));
    }
    if (options.aggregatesOut) {
      writeFileAtomic(options.aggregatesOut, `${JSON.stringify(aggregatesOf(run.result), null, 2)}\n`);
    }
    return run;
  } finally {
    await source.close().catch(() => undefined);
  }
}
