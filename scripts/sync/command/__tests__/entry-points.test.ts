// The two entry points of the sync print the same thing: `npm run sync` (the compiled launcher,
// lib/scripts/sync/cli.js) and `sf adoption sync` (the sf command run by oclif with this project as the
// plugin, as `sf plugins link .` does). Same --json output byte for byte, same errors (messages file),
// same exit codes, for good and bad arguments; and an export run loads none of the sf libraries.
// Needs the compiled output: `npm run build` (npm test builds first).

import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeFixture } from '../../__tests__/fixtures';

const ROOT = join(__dirname, '..', '..', '..', '..');
const LAUNCHER = join(ROOT, 'lib', 'scripts', 'sync', 'cli.js');
const SF = join(ROOT, 'node_modules', '.bin', 'sf');

/** sf's state (config, logins, linked plugins) in a folder of this test: nobody else's is touched. */
function isolatedEnv(): NodeJS.ProcessEnv {
  const state = mkdtempSync(join(tmpdir(), 'sf-state-'));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: state,
    XDG_CONFIG_HOME: join(state, 'config'),
    XDG_DATA_HOME: join(state, 'data'),
    XDG_CACHE_HOME: join(state, 'cache'),
    SF_DISABLE_TELEMETRY: 'true',
    SF_AUTOUPDATE_DISABLE: 'true',
    SF_USE_GENERIC_UNIX_KEYCHAIN: 'true',
    SF_HIDE_RELEASE_NOTES: 'true',
    SF_SKIP_NEW_VERSION_CHECK: 'true',
    NO_COLOR: '1'
  };
  for (const dir of ['config', 'data', 'cache']) mkdirSync(join(state, dir));
  return env;
}

const run = (args: string[], env: NodeJS.ProcessEnv): SpawnSyncReturns<string> =>
  spawnSync(process.execPath, args, { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 });

/** `npm run sync -- <args>` without npm's own start-up. */
const launcher = (args: string[], env: NodeJS.ProcessEnv) => run([LAUNCHER, ...args], env);

/** `sf adoption sync <args>`: oclif loading this project as the plugin (bin/run.js of an sf plugin). */
const sfCommand = (args: string[], env: NodeJS.ProcessEnv) =>
  run(
    [
      '-e',
      `import('@oclif/core').then((o) => o.execute({ dir: ${JSON.stringify(ROOT)}, args: ['adoption', 'sync', ...process.argv.slice(1)] }))`,
      '--',
      ...args
    ],
    env
  );

/** The run's clock (generatedAt, elapsedMs) differs between any two runs; everything else must not. */
const sameRun = (text: string): string => text.replace(/"(generatedAt|elapsedMs)": [^,\n]+/g, '"$1": "…"');

/** An error envelope without what differs by entry point: the stack trace and the inspected cause. */
function errorEnvelope(stdout: string): Record<string, unknown> {
  const envelope = JSON.parse(stdout) as Record<string, unknown>;
  delete envelope.stack;
  delete envelope.cause;
  return envelope;
}

// Each case starts Node processes, two of them loading the sf libraries (seconds each on a loaded machine).
jest.setTimeout(180_000);

describe('npm run sync and sf adoption sync', () => {
  const { exportDir, rulesDir } = makeFixture();
  const base = ['--from-export', exportDir, '--rules', rulesDir, '--as-of', '2026-11-20'];
  let env: NodeJS.ProcessEnv;

  beforeAll(() => {
    if (!existsSync(LAUNCHER)) throw new Error(`${LAUNCHER} is missing: run npm run build first.`);
    env = isolatedEnv();
  });

  it('print the same --json document, byte for byte, in the sf CLI envelope', () => {
    const args = [...base, '--objects', 'Opportunity', '--json'];
    const ours = launcher(args, env);
    const sf = sfCommand(args, env);
    expect(ours.status).toBe(0);
    expect(sf.status).toBe(0);
    expect(sameRun(ours.stdout)).toBe(sameRun(sf.stdout));
    const envelope = JSON.parse(ours.stdout) as { status: number; result: { objects: { name: string }[] } };
    expect(envelope.status).toBe(0);
    expect(envelope.result.objects.map((o) => o.name)).toEqual(['Opportunity']);
  });

  // Errors of the run (messages file) and of the flags (the CLI's own): same text, same exit code.
  const bad: [string, string[], RegExp][] = [
    ['--write on an export (WriteNeedsOrg)', [...base, '--write'], /--write needs an org/],
    [
      'a bad --as-of (BadDate)',
      ['--from-export', exportDir, '--as-of', '20-11-2026'],
      /"20-11-2026" is not a date/
    ],
    ['an object the export lacks', [...base, '--objects', 'Widget__c'], /Widget__c.*not in the export/],
    ['a missing export folder', ['--from-export', join(exportDir, 'nope')], /does not exist/],
    // Flag errors: the launcher hands the arguments to the sf command.
    [
      'a value outside the options list',
      [...base, '--period', 'Year'],
      /Expected --period=Year to be one of/
    ],
    ['a flag given twice', [...base, '--as-of', '2026-11-21'], /--as-of can only be specified once/]
  ];

  it.each(bad)('report %s identically', (_what, args, expected) => {
    const ours = launcher(args, env);
    const sf = sfCommand(args, env);
    expect(ours.status).toBe(2);
    expect(sf.status).toBe(2);
    expect(ours.stderr).toMatch(expected);
    expect(ours.stderr).toBe(sf.stderr);
    expect(ours.stdout).toBe('');
    const oursJson = launcher([...args, '--json'], env);
    const sfJson = sfCommand([...args, '--json'], env);
    expect(oursJson.status).toBe(2);
    expect(errorEnvelope(oursJson.stdout)).toEqual(errorEnvelope(sfJson.stdout));
    // The text on stderr too, for a scheduled run that keeps only stderr.
    expect(oursJson.stderr).toBe(sfJson.stderr);
    expect(oursJson.stderr).toMatch(expected);
  });

  it('--help is the sf command help, with the summaries and examples of the messages file', () => {
    const help = launcher(['--help'], env);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('$ sf adoption sync');
    expect(help.stdout).toContain('Salesforce Data Export to measure offline');
    expect(help.stdout).toContain('sf adoption sync --from-export data/sample-export --out reports/demo');
  });

  it('an export run loads neither @salesforce/core, sf-plugins-core, oclif nor jsforce', () => {
    // Lists every module file the process loaded (ESM importing CommonJS goes through require.cache too;
    // sf-plugins-core cannot load without @oclif/core and @salesforce/core).
    const probe = join(mkdtempSync(join(tmpdir(), 'probe-')), 'probe.js');
    writeFileSync(
      probe,
      `process.on('exit', () => process.stderr.write('LOADED ' + JSON.stringify(Object.keys(require.cache)) + '\\n'));`
    );
    const ours = run(['--require', probe, LAUNCHER, ...base, '--json'], env);
    expect(ours.status).toBe(0);
    const loaded = JSON.parse(/LOADED (.*)/.exec(ours.stderr)?.[1] ?? '[]') as string[];
    expect(loaded.some((f) => f.includes('completenessScoring'))).toBe(true);
    const heavy = loaded.filter((f) =>
      /node_modules\/(@salesforce\/core|@salesforce\/sf-plugins-core|@oclif\/core|@jsforce\/jsforce-node)\//.test(
        f
      )
    );
    expect(heavy).toEqual([]);
  });

  it('runs through the real sf CLI once linked (sf plugins link . --no-install)', () => {
    const link = spawnSync(SF, ['plugins', 'link', ROOT, '--no-install'], {
      cwd: ROOT,
      env,
      encoding: 'utf8'
    });
    expect(link.status).toBe(0);
    const args = [...base, '--objects', 'Opportunity', '--json'];
    const sf = spawnSync(SF, ['adoption', 'sync', ...args], { cwd: ROOT, env, encoding: 'utf8' });
    const ours = launcher(args, env);
    expect(sf.status).toBe(0);
    expect(sameRun(sf.stdout)).toBe(sameRun(ours.stdout));
  }, 300_000);
});
