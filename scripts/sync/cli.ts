// `npm run sync -- <flags>`: a thin alias of `sf adoption sync` (scripts/sync/commands/adoption/sync.mts).
//
// Run compiled (lib/scripts/sync/cli.js, built by `npm run build` and on install): an export run whose
// flags parse is run here, with the flags of command/flags.ts read by node:util parseArgs and without
// loading @salesforce/core, sf-plugins-core, oclif or jsforce (start-up is most of a small run). Every
// other invocation (a live run, --help, flags that do not parse) is handed to the sf command through
// oclif, so its org resolution, help and flag errors are the CLI's own. Both print through
// command/output.ts; command/__tests__/entry-points.test.ts checks they print the same.

import type { SyncResult } from './engine/result';
import { inputError } from './command/messages';
import { checkExclusive, optionsFrom, parseArgv } from './command/options';
import {
  describeError,
  errorJson,
  errorText,
  formatTable,
  jsonText,
  successJson,
  warningText
} from './command/output';
import { runSync } from './command/run-sync';
import { nodeVersionError } from './node-version';
import { PROJECT_ROOT } from './paths';
import { consoleHost } from './progress';

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
}

export interface CliRun {
  result?: SyncResult;
  exitCode: number;
}

/**
 * Runs the sync in this process from argv and prints as `sf adoption sync` does: the --json envelope or
 * the tables on stdout, errors with what to do on stderr (and as JSON on stdout with --json).
 * Used by the launcher for export runs, by `npm run demo` and by the tests (live runs included: the
 * source is the same; only the sf command resolves a default org).
 * @returns the result when the measurement finished, and the exit code (README "Exit codes")
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env }
): Promise<CliRun> {
  const parsed = parseArgv(argv);
  const json = jsonWanted(argv);
  try {
    checkExclusive(argv);
    if (!parsed.ok) throw inputError('BadFlags', [parsed.reason]);
    const options = optionsFrom(parsed.values, parsed.json, io.env);
    const host = consoleHost(json, io.stderr, (text) => {
      io.stderr.write(warningText(text));
    });
    const { result, exitCode } = await runSync(options, host, io.env);
    if (json) io.stdout.write(jsonText(successJson(result, exitCode)));
    else {
      // As sf-plugins-core's warn: once, on stderr, and in the --json envelope instead with --json.
      for (const warning of result.warnings) io.stderr.write(warningText(warning));
      io.stdout.write(formatTable(result));
    }
    return { result, exitCode };
  } catch (error) {
    return { exitCode: printFailure(error, json, io) };
  }
}

/** Whether argv asks for --json output (read even when the other flags do not parse). */
function jsonWanted(argv: readonly string[]): boolean {
  const parsed = parseArgv(argv);
  return parsed.ok ? parsed.json : argv.includes('--json');
}

/**
 * Prints a failure as the sf command does: with --json the error envelope (command/output.ts errorJson)
 * on stdout, and always the error with what to do on stderr.
 * @returns the failure's exit code (README "Exit codes")
 */
function printFailure(error: unknown, json: boolean, io: CliIo): number {
  const shape = describeError(error);
  if (json) io.stdout.write(jsonText(errorJson(shape, io.env)));
  io.stderr.write(errorText(shape, io.env));
  return shape.exitCode;
}

/**
 * A reader that stopped reading (`… --json | head -1`) ends the output quietly, as in the sf CLI (oclif's
 * Command swallows EPIPE on stdout): no stack trace, the run's own exit code.
 */
function quietOnClosedPipe(stream: NodeJS.WritableStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') return;
    throw error;
  });
}

/** Hands argv to `sf adoption sync` through oclif, with this project as the plugin root. */
async function runSfCommand(argv: readonly string[]): Promise<void> {
  const { execute } = await import('@oclif/core');
  await execute({ dir: PROJECT_ROOT, args: ['adoption:sync', ...argv] });
}

/**
 * The process entry point: export runs here, anything else through the sf command. A failure before either
 * (a Node.js too old, the sf command failing to load) prints as runCli's: the JSON error envelope on stdout
 * with --json, the error on stderr.
 * @param versions process.versions, or a stand-in in tests (the Node.js version check)
 * @returns the exit code, or undefined when the sf command (oclif) set it
 */
export async function main(
  argv: readonly string[],
  io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env },
  versions: { node: string } = process.versions
): Promise<number | undefined> {
  try {
    const tooOld = nodeVersionError(versions);
    if (tooOld) throw tooOld;
    const parsed = parseArgv(argv);
    if (parsed.ok && parsed.values['from-export'] !== undefined) return (await runCli(argv, io)).exitCode;
    await runSfCommand(argv);
    return undefined;
  } catch (error) {
    return printFailure(error, jsonWanted(argv), io);
  }
}

if (require.main === module) {
  quietOnClosedPipe(process.stdout);
  void main(process.argv.slice(2)).then((exitCode) => {
    if (exitCode !== undefined) process.exitCode = exitCode;
  });
}
