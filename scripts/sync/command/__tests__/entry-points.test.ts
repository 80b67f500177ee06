// The two entry points of the sync print the same thing: `npm run sync` (the compiled launcher,
// lib/scripts/sync/cli.js) and `sf adoption sync` (the sf command run by oclif with this project as the
// plugin, as `sf plugins link .` does). Same --json output byte for byte, same errors (messages file),
// same exit codes, for good and bad arguments; and an export run loads none of the sf libraries.
// Needs the compiled output: `npm run build` (npm test builds first).

import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
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
const sfCommand = (args: string[], env: NodeJS.ProcessEnv) => run(sfArgs(args), env);

/** The run's clock (generatedAt, elapsedMs) differs between any two runs; everything else must not. */
const sameRun = (text: string): string => text.replace(/"(generatedAt|elapsedMs)": [^,\n]+/g, '"$1": "…"');

/** The same, for the human output: the elapsed time of each progress line. */
const sameText = (text: string): string => text.replace(/, \d+\.\ds$/gm, ', …s');

/**
 * `sf adoption sync <args>` through the real sf CLI (@salesforce/cli, its own oclif root and its
 * `exitCodes`), this project linked once into the test's sf state (`sf plugins link . --no-install`).
 */
let linked = false;
function realSf(args: string[], env: NodeJS.ProcessEnv): SpawnSyncReturns<string> {
  if (!linked) {
    const link = spawnSync(SF, ['plugins', 'link', ROOT, '--no-install'], {
      cwd: ROOT,
      env,
      encoding: 'utf8'
    });
    expect([link.status, link.stderr]).toEqual([0, expect.any(String)]);
    linked = true;
  }
  return spawnSync(SF, ['adoption', 'sync', ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 });
}

/**
 * An error envelope, checked to be in the sync's shape: our code (= name, `…Error`), a message, what to
 * do, exit code 2 or 3, and no stack trace nor inspected cause (those only with SF_ENV=development).
 */
function errorEnvelope(stdout: string): Record<string, unknown> {
  const envelope = JSON.parse(stdout) as Record<string, unknown>;
  expect(envelope.name).toMatch(/^[A-Z]\w+Error$/);
  expect(envelope.name).not.toBe('Error');
  expect(envelope.code).toBe(envelope.name);
  expect(envelope.message).toEqual(expect.any(String));
  expect(envelope.actions).toEqual([expect.any(String)]);
  expect([2, 3]).toContain(envelope.exitCode);
  expect(envelope.status).toBe(envelope.exitCode);
  expect(envelope).not.toHaveProperty('stack');
  expect(envelope).not.toHaveProperty('cause');
  return envelope;
}

/** Runs to its end with stdout closed before anything is written (`… | head -1` once head has exited). */
function withClosedStdout(
  args: string[],
  env: NodeJS.ProcessEnv
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stderr });
    });
  });
}

/** The argv of `sf adoption sync` through oclif (see `sfCommand`). */
const sfArgs = (args: string[]): string[] => [
  '-e',
  `import('@oclif/core').then((o) => o.execute({ dir: ${JSON.stringify(ROOT)}, args: ['adoption', 'sync', ...process.argv.slice(1)] }))`,
  '--',
  ...args
];

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
    // Flag errors: the launcher hands the arguments to the sf command; oclif's text in our shape.
    [
      'a value outside the options list',
      [...base, '--period', 'Year'],
      /Error \(BadFlagsError\): Expected --period=Year to be one of/
    ],
    [
      'a flag given twice',
      [...base, '--as-of', '2026-11-21'],
      /Error \(BadFlagsError\): Flag --as-of can only be specified once/
    ],
    ['an unknown flag', [...base, '--bogus'], /Error \(BadFlagsError\): Nonexistent flag: --bogus/],
    [
      'a flag without its value',
      [...base, '--team-field'],
      /Error \(BadFlagsError\): Flag --team-field expects a value/
    ],
    [
      'a language outside the options list',
      [...base, '--lang', 'de'],
      /Error \(BadFlagsError\): Expected --lang=de to be one of: en, fr/
    ],
    [
      'a stray argument after an export (not a second export)',
      ['--from-export', exportDir, 'extra', '--rules', rulesDir],
      /Error \(BadFlagsError\): Unexpected argument: extra/
    ],
    [
      'a day the month lacks (BadDate)',
      ['--from-export', exportDir, '--as-of', '2026-02-30'],
      /"2026-02-30" is not a date of the calendar/
    ],
    [
      'an API version that is not one (BadApiVersion)',
      [...base, '--api-version', 'abc'],
      /Error \(BadApiVersionError\): --api-version "abc" is not an API version/
    ],
    ['an empty --from-export', ['--from-export', ''], /Error \(EmptyExportPathError\)/]
  ];

  it.each(bad)('report %s identically', (_what, args, expected) => {
    const ours = launcher(args, env);
    const sf = sfCommand(args, env);
    expect(ours.status).toBe(2);
    expect(sf.status).toBe(2);
    expect(ours.stderr).toMatch(expected);
    expect(ours.stderr).toBe(sf.stderr);
    expect(ours.stdout).toBe('');
    expect(ours.stderr).toMatch(/\nTry this:\n\n\S/);
    expect(ours.stderr).not.toMatch(/\n\s+at /);
    const oursJson = launcher([...args, '--json'], env);
    const sfJson = sfCommand([...args, '--json'], env);
    expect(oursJson.status).toBe(2);
    expect(errorEnvelope(oursJson.stdout)).toEqual(errorEnvelope(sfJson.stdout));
    // The text on stderr too, for a scheduled run that keeps only stderr.
    expect(oursJson.stderr).toBe(sfJson.stderr);
    expect(oursJson.stderr).toMatch(expected);
    // Through the real sf CLI, whose oclif root sets exit code 1 for most flag errors: 2 as well.
    const real = realSf([...args, '--json'], env);
    expect(real.status).toBe(2);
    expect(errorEnvelope(real.stdout)).toEqual(errorEnvelope(oursJson.stdout));
    expect(real.stderr).toBe(oursJson.stderr);
  });

  it('report a login the sf CLI does not have as LoginNotFound, the same through every entry point', () => {
    const args = ['--target-org', 'nosuchalias', '--json'];
    const outs = [launcher(args, env), sfCommand(args, env), realSf(args, env)];
    for (const out of outs) {
      expect(out.status).toBe(2);
      const envelope = errorEnvelope(out.stdout);
      expect(envelope.name).toBe('LoginNotFoundError');
      expect(envelope.message).toMatch(
        /^No usable sf CLI login for "nosuchalias": No authorization information/
      );
      expect(envelope.message).not.toMatch(/Parsing --target-org|See more help|\n/);
      expect(envelope.actions).toEqual([expect.stringContaining('sf org login web --alias nosuchalias')]);
      expect(out.stderr).toBe(outs[0]?.stderr);
    }
  });

  it('print the same human output: the tables on stdout, progress lines and each warning once on stderr', () => {
    // Account, Contact and Lead are not in the fixture: a warning each.
    const args = base;
    const outs = [launcher(args, env), sfCommand(args, env), realSf(args, env)];
    const [ours] = outs;
    expect(ours?.status).toBe(0);
    expect(ours?.stdout).toMatch(/^Adoption Cockpit sync — export .* — Week 2026-11-16\.\.2026-11-22\n/);
    expect(ours?.stdout).not.toMatch(/warning/i);
    expect(ours?.stderr.match(/Account is not in the export/g)).toHaveLength(1);
    // Progress when stderr is not a terminal: a line per object, each ended by a line break.
    expect(ours?.stderr).toMatch(/^✓ Opportunity: \d+ records( \(\d+ rows read\))?, 1 page, \d+\.\ds$/m);
    for (const out of outs) {
      expect(out.status).toBe(0);
      expect(out.stdout).toBe(ours?.stdout);
      expect(sameText(out.stderr)).toBe(sameText(ours?.stderr ?? ''));
    }
  });

  // Every combination of the source flags (FLAGS' exclusive): --target-org, --instance-url with or without
  // --access-token, --from-export. Answered before the org lookup and before oclif's own check.
  const sources: [string, string[]][] = [
    ['--target-org', ['--target-org', 'nobody']],
    ['--instance-url', ['--instance-url', 'https://acme.my.salesforce.com']],
    ['--access-token', ['--access-token', '00Dxx!token']],
    ['--from-export', ['--from-export', exportDir]]
  ];
  const combinations = Array.from({ length: 1 << sources.length }, (_, mask) =>
    sources.filter((_, i) => (mask >> i) & 1)
  ).filter((set) => set.length > 1);
  // --instance-url with --access-token is one source (a session).
  const clashing = combinations.filter(
    (set) => !(set.length === 2 && set[0]?.[0] === '--instance-url' && set[1]?.[0] === '--access-token')
  );
  it.each(clashing.map((set) => [set.map(([name]) => name).join(' '), set.flatMap(([, args]) => args)]))(
    'refuse %s given together with our message, exit 2, through both entry points',
    (names, args) => {
      const listed = names.split(' ');
      for (const entry of [launcher, sfCommand]) {
        const json = entry([...args, '--json'], env);
        expect(json.status).toBe(2);
        const envelope = errorEnvelope(json.stdout);
        expect(envelope.name).toBe('ExclusiveSourceError');
        for (const name of listed) expect(envelope.message).toContain(name);
        expect(envelope.message).toMatch(/cannot be given together/);
        expect(String((envelope.actions as string[])[0])).toMatch(
          /^Use one of: --target-org .*--from-export/
        );
        expect(json.stderr).toMatch(/^Error \(ExclusiveSourceError\)/);
      }
    }
  );

  it('refuse source flags given together in the human output too, without a stack trace', () => {
    const human = launcher(['--target-org', 'nobody', ...base], env);
    expect(human.status).toBe(2);
    expect(human.stdout).toBe('');
    expect(human.stderr).toMatch(
      /^Error \(ExclusiveSourceError\): --target-org and --from-export cannot be given together.*\n\nTry this:\n\nUse one of: /s
    );
    expect(human.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints the stack only in the sf CLI development mode (SF_ENV=development)', () => {
    const args = [...base, '--period', 'Year', '--json'];
    const dev = { ...env, SF_ENV: 'development' };
    for (const entry of [launcher, sfCommand]) {
      const out = entry(args, dev);
      expect(out.status).toBe(2);
      expect((JSON.parse(out.stdout) as { stack?: string }).stack).toMatch(/\n\s+at /);
    }
    const ours = launcher([...base, '--objects', 'Widget__c', '--json'], dev);
    expect((JSON.parse(ours.stdout) as { stack?: string }).stack).toMatch(/\n\s+at /);
  });

  it("end quietly when stdout is closed (… --json | head -1): no EPIPE stack, the run's exit code", async () => {
    const args = [...base, '--json'];
    for (const argv of [[LAUNCHER, ...args], sfArgs(args)]) {
      const out = await withClosedStdout(argv, env);
      expect(out.stderr).not.toMatch(/EPIPE|\n\s+at /);
      expect(out.code).toBe(0);
    }
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
    const args = [...base, '--objects', 'Opportunity', '--json'];
    const sf = realSf(args, env);
    const ours = launcher(args, env);
    expect(sf.status).toBe(0);
    expect(sameRun(sf.stdout)).toBe(sameRun(ours.stdout));
  }, 300_000);
});
