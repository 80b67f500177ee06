// Shared helpers of the live-path integration tests: run the real CLI (runCli, in process) against a
// simulator on an ephemeral loopback port, through jsforce's real Connection and HTTP stack.
import { Writable } from 'node:stream';
import { runCli } from '../../scripts/sync/cli';
import type { SyncResult } from '../../scripts/sync/engine/result';
import type { SalesforceSimulator } from '../salesforce-simulator';
import { recordAt, recordCount } from '../salesforce-simulator/model';

export interface CliOutcome {
  exitCode: number;
  stdout: string;
  stderr: string;
  result?: SyncResult;
}

class Capture extends Writable {
  text = '';
  isTTY = false;
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    this.text += chunk.toString('utf8');
    callback();
  }
}

/** Runs `npm run sync -- <args> --instance-url <sim> --access-token <token>` in process. */
export async function runLive(
  sim: SalesforceSimulator,
  args: string[],
  token: string = sim.accessToken
): Promise<CliOutcome> {
  const stdout = new Capture();
  const stderr = new Capture();
  const run = await runCli(['--instance-url', sim.url, '--access-token', token, ...args], {
    stdout,
    stderr: stderr as unknown as NodeJS.WriteStream,
    env: {}
  });
  return {
    exitCode: run.exitCode,
    stdout: stdout.text,
    stderr: stderr.text,
    ...(run.result ? { result: run.result } : {})
  };
}

/** The truth, computed from the simulator's own records: records of an object with `field` filled. */
export function filledInOrg(sim: SalesforceSimulator, object: string, field: string): number {
  const store = sim.object(object).store;
  let n = 0;
  for (let i = 0; i < recordCount(store); i++) {
    const v = recordAt(store, i)[field];
    if (v !== null && v !== undefined && v !== '' && v !== false) n++;
  }
  return n;
}

/** Sets env variables for the duration of a test file (the org source reads SYNC_PAGE_SIZE, SYNC_POLL_MS). */
export function withEnv(values: Record<string, string>): void {
  const saved = new Map<string, string | undefined>();
  beforeAll(() => {
    for (const [k, v] of Object.entries(values)) {
      saved.set(k, process.env[k]);
      process.env[k] = v;
    }
  });
  afterAll(() => {
    for (const [k, v] of saved) {
      if (v === undefined) Reflect.deleteProperty(process.env, k);
      else process.env[k] = v;
    }
  });
}

export const TODAY = new Date().toISOString().slice(0, 10);
