// Inputs that must fail loudly, naming what and what to do (issue 9, item 11), and the files the CLI
// writes: --rules pointing nowhere, a User.csv without Id, damaged zips, the same object in several
// folders of a zip, a zip bomb, an --out that cannot be written, a malformed history file.
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runCli } from '../cli';
import { makeFixture, zip } from './fixtures';
import type { ZipFile } from './fixtures';

async function cli(args: string[]): Promise<{ exitCode: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const { exitCode } = await runCli(args, {
    stdout,
    stderr: stderr as unknown as NodeJS.WriteStream,
    env: {}
  });
  return { exitCode, out, err };
}

describe('inputs that must fail loudly', () => {
  const { exportDir, rulesDir, root } = makeFixture();
  const files = Object.fromEntries(
    readdirSync(exportDir).map((name) => [name, readFileSync(join(exportDir, name))])
  );
  const exportZip = (name: string, entries: ZipFile[]): string => {
    const path = join(root, name);
    writeFileSync(path, zip(entries));
    return path;
  };
  const base = (from: string): string[] => [
    '--from-export',
    from,
    '--rules',
    rulesDir,
    '--as-of',
    '2026-11-20'
  ];
  const plain = Object.entries(files).map(([name, data]) => ({ name, data }));

  it('--rules pointing nowhere', async () => {
    const r = await cli([
      '--from-export',
      exportDir,
      '--rules',
      join(root, 'no-such-rules'),
      '--objects',
      'Opportunity'
    ]);
    expect(r.exitCode).toBe(2);
    expect(r.err).toMatch(/rules folder .*no-such-rules does not exist/);
    expect(r.err).toContain('Try this:\n\nPass --rules <folder>');
  });

  it('a User.csv without an Id column', async () => {
    const dir = join(root, 'no-id');
    mkdirSync(dir);
    for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
    writeFileSync(join(dir, 'User.csv'), '"Name","IsActive"\n"Ana","true"\n');
    const r = await cli([...base(dir), '--objects', 'Opportunity']);
    expect(r.exitCode).toBe(2);
    expect(r.err).toMatch(/User\.csv in the export .* has no Id column \(columns: name, isactive\)/);
  });

  it('a zip entry whose data is damaged names the file and the entry', async () => {
    const good = exportZip('good.zip', plain);
    expect((await cli([...base(good), '--objects', 'Opportunity'])).exitCode).toBe(0);
    const bytes = zip(plain);
    const at = bytes.indexOf(Buffer.from('Opportunity.csv')) + 'Opportunity.csv'.length;
    for (let i = at + 5; i < at + 40; i++) bytes[i] = (bytes[i] ?? 0) ^ 0x5a; // inside its deflated data
    const damaged = join(root, 'damaged.zip');
    writeFileSync(damaged, bytes);
    const r = await cli([...base(damaged), '--objects', 'Opportunity']);
    expect(r.exitCode).toBe(2);
    expect(r.err).toMatch(/damaged\.zip: entry Opportunity\.csv is damaged \(/);
    expect(r.err).toContain('Try this:\n\nDownload the export again');
    const truncated = join(root, 'truncated.zip');
    writeFileSync(truncated, zip(plain).subarray(0, 400));
    const t = await cli([...base(truncated), '--objects', 'Opportunity']);
    expect(t.exitCode).toBe(2);
    expect(t.err).toMatch(/truncated\.zip is not a zip file/);
  });

  it('ignores __MACOSX/, reads the root copy over backup/, refuses real ambiguity', async () => {
    const backupUser = Buffer.from('"Id","Name"\n"005000000000009AAA","Backup"\n');
    const path = exportZip('mac.zip', [
      ...plain,
      { name: '__MACOSX/._User.csv', data: Buffer.from([0, 5, 22, 7, 0, 2]) },
      { name: '__MACOSX/User.csv', data: Buffer.from('garbage') },
      { name: 'backup/User.csv', data: backupUser }
    ]);
    const r = await cli([...base(path), '--objects', 'Opportunity', '--json']);
    expect(r.err).toBe('');
    expect(r.exitCode).toBe(0);
    const users = (JSON.parse(r.out) as { result: { users: { name: string }[] } }).result.users.map(
      (u) => u.name
    );
    expect(users).not.toContain('Backup');
    expect(new Set(users).size).toBe(users.length); // not summed twice

    const ambiguous = exportZip('two.zip', [
      ...plain.filter((f) => f.name !== 'User.csv'),
      { name: 'a/User.csv', data: files['User.csv'] ?? Buffer.alloc(0) },
      { name: 'b/User.csv', data: backupUser }
    ]);
    const a = await cli([...base(ambiguous), '--objects', 'Opportunity']);
    expect(a.exitCode).toBe(2);
    expect(a.err).toMatch(/two\.zip holds 2 files for the same object: a\/User\.csv, b\/User\.csv/);
  });

  it('a zip bomb: stops at the declared size, and caps a record', async () => {
    const huge = Buffer.alloc(6 << 20, 0x78); // 6 MiB of "x" compresses to a few KiB
    const lying = exportZip('bomb.zip', [
      ...plain.filter((f) => f.name !== 'Opportunity.csv'),
      {
        name: 'Opportunity.csv',
        data: Buffer.concat([Buffer.from('"Id","Name"\n"o1","'), huge, Buffer.from('"\n')]),
        declaredSize: 1000
      }
    ]);
    const r = await cli([...base(lying), '--objects', 'Opportunity']);
    expect(r.exitCode).toBe(2);
    expect(r.err).toMatch(
      /bomb\.zip: entry Opportunity\.csv is damaged \(it inflates past its declared size of 1000 bytes/
    );
  });
});

describe('files the CLI writes', () => {
  const { exportDir, rulesDir, root } = makeFixture();
  const base = [
    '--from-export',
    exportDir,
    '--rules',
    rulesDir,
    '--as-of',
    '2026-11-20',
    '--objects',
    'Opportunity'
  ];

  it('finds an --out that cannot be written before the run', async () => {
    const blocked = join(root, 'blocked');
    writeFileSync(blocked, 'a file, not a folder');
    const r = await cli([...base, '--out', join(blocked, 'report')]);
    expect(r.exitCode).toBe(2);
    expect(r.err).toMatch(/--out .*blocked\/report cannot be written/);
    expect(r.out).toBe(''); // nothing measured or printed
    if (process.getuid?.() !== 0) {
      const readOnly = join(root, 'read-only');
      mkdirSync(readOnly);
      chmodSync(readOnly, 0o500);
      expect((await cli([...base, '--out', readOnly])).exitCode).toBe(2);
    }
  });

  // Node's recursive mkdir never returned under /proc (a fresh-user review found the run hanging there).
  const procIt = existsSync('/proc/self') ? it : it.skip;
  procIt(
    'refuses at once an --out under a pseudo file system that cannot hold folders',
    async () => {
      const r = await cli([...base, '--out', '/proc/adoption-cockpit-report']);
      expect(r.exitCode).toBe(2);
      expect(r.err).toMatch(/--out \/proc\/adoption-cockpit-report cannot be written/);
    },
    20000
  );

  it('reports and skips a malformed history file; later reports still work', async () => {
    const out = join(root, 'out');
    expect((await cli([...base, '--out', out])).exitCode).toBe(0);
    const history = join(out, 'history');
    writeFileSync(
      join(history, 'result-2026-11-09-x.json'),
      '{"period":{"start":"2026-11-09"},"objects":[{"name":"Opportunity"}]}'
    );
    writeFileSync(join(history, 'result-2026-11-02-y.json'), '{ not json');
    for (let run = 0; run < 2; run++) {
      const r = await cli([...base, '--out', out]);
      expect(r.exitCode).toBe(0);
      expect(r.err).toMatch(
        /result-2026-11-09-x\.json is skipped in the trends \(an object without a name or a completeness average\)/
      );
      expect(r.err).toMatch(/result-2026-11-02-y\.json is skipped in the trends/);
    }
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('<!doctype html>');
    // Atomic writes leave no temporary files behind.
    expect(readdirSync(out).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(join(out, 'result.json'))).toBe(true);
  });
});

describe('what may leave the org (--aggregates-out)', () => {
  it('holds per-object and per-team figures, no person, no small team', async () => {
    const { exportDir, rulesDir, root } = makeFixture();
    const file = join(root, 'aggregates', 'aggregates.json');
    const r = await cli([
      ...[
        '--from-export',
        exportDir,
        '--rules',
        rulesDir,
        '--as-of',
        '2026-11-20',
        '--objects',
        'Opportunity'
      ],
      '--aggregates-out',
      file,
      '--json'
    ]);
    expect(r.exitCode).toBe(0);
    const full = (JSON.parse(r.out) as { result: { users: { name: string; userId: string }[] } }).result;
    const text = readFileSync(file, 'utf8');
    const aggregates = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(aggregates)).not.toEqual(expect.arrayContaining(['users']));
    for (const key of [
      'users',
      'excludedUsers',
      'championCandidates',
      'owners',
      'ownerName',
      'lastLogin',
      'description'
    ]) {
      expect(text).not.toContain(`"${key}"`);
    }
    for (const user of full.users) {
      expect(text).not.toContain(user.name);
      expect(text).not.toContain(user.userId);
    }
    // The fixture's teams have one user each: fewer than 3, so none is shown.
    expect(aggregates.teams).toEqual([]);
    expect(aggregates.teamsOmitted).toBe(2);
    expect((aggregates.objects as { name: string; records: number }[])[0]).toEqual(
      expect.objectContaining({ name: 'Opportunity', records: 4 })
    );
  });
});
