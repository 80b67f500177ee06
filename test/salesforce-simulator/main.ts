// The simulator as a process of its own (the live benchmark runs the real sync command against it):
//   tsx test/salesforce-simulator/main.ts [--opportunities N] [--page-records N] [--throttle-mbps X] [--port P]
// Prints one JSON line {"url","accessToken"} once it listens. Each line "stats" on its stdin prints one
// JSON line {"calls","peakConcurrentResults","resultEncodings"} of the calls since the previous one; when
// stdin closes (or on SIGTERM) it exits. Result pages are kept once sent (cacheResultPages), so that runs
// after the first time the client and the link only.
import { startSimulator } from './server';

function option(args: string[], name: string): number | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = Number(args[i + 1]);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`${name} needs a positive number, got "${args[i + 1] ?? ''}"`);
  }
  return value;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opportunities = option(args, '--opportunities');
  const defaultMaxRecords = option(args, '--page-records');
  const throttleMbps = option(args, '--throttle-mbps');
  const port = option(args, '--port');
  const sim = await startSimulator({
    ...(opportunities !== undefined ? { opportunities } : {}),
    ...(defaultMaxRecords !== undefined ? { defaultMaxRecords } : {}),
    ...(throttleMbps !== undefined ? { throttleMbps } : {}),
    ...(port !== undefined ? { port } : {}),
    pollsUntilComplete: 2,
    cacheResultPages: true
  });
  process.stdout.write(`${JSON.stringify({ url: sim.url, accessToken: sim.accessToken })}\n`);
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await sim.close();
    process.exit(0);
  };
  let pending = '';
  process.stdin.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    for (let nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n')) {
      const line = pending.slice(0, nl).trim();
      pending = pending.slice(nl + 1);
      if (line !== 'stats') continue;
      process.stdout.write(
        `${JSON.stringify({
          calls: sim.callsByObject(),
          peakConcurrentResults: sim.peakConcurrentResults,
          resultEncodings: { ...sim.resultEncodings }
        })}\n`
      );
      sim.resetCalls();
      sim.peakConcurrentResults = 0;
      sim.resultEncodings.gzip = 0;
      sim.resultEncodings.identity = 0;
    }
  });
  process.stdin.on('end', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`simulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
