/* eslint-disable @typescript-eslint/no-non-null-assertion -- test assertions on known fixtures. */
// Issue 11 (sync review 2.1, 2.2, 1.6): what a file's bytes prove about its encoding wins over a wrong
// --encoding, or is said before parsing; never a quoting error blamed on a valid file.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measure } from '../engine/measure';
import { SyncInputError } from '../errors';
import { ExportSource } from '../sources/export-source';
import { U1, makeFixture } from './fixtures';

/** Rewrites every CSV of the fixture's export as `encode` gives it; Ana is renamed Léa first. */
function reencode(exportDir: string, encode: (text: string) => Buffer): void {
  for (const name of readdirSync(exportDir)) {
    const file = join(exportDir, name);
    writeFileSync(file, encode(readFileSync(file, 'utf8').replace('"Ana"', '"Léa"')));
  }
}
const utf16be = (text: string): Buffer => Buffer.from(text, 'utf16le').swap16();

async function run(exportDir: string, rulesDir: string, encoding?: string) {
  const result = await measure(new ExportSource({ paths: [exportDir], rulesDir, encoding }), {
    objects: ['Opportunity'],
    asOf: '2026-11-20'
  });
  // The fixture's figures (export-shapes.test.ts): Amount filled on 2 of 4 records, NextStep on 2 of 3.
  expect(result.objects[0]!.ruleFields).toEqual([
    { field: 'Amount', records: 4, filled: 2 },
    { field: 'NextStep', records: 3, filled: 2 }
  ]);
  expect(result.users.find((u) => u.userId === U1)!.name).toBe('Léa');
  return result.warnings.join('\n');
}

describe('encodings the bytes prove', () => {
  it('UTF-8 with a byte order mark and --encoding windows-1252: read as UTF-8, said', async () => {
    const { exportDir, rulesDir } = makeFixture();
    reencode(exportDir, (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')]));
    const warnings = await run(exportDir, rulesDir, 'windows-1252');
    // Every file has the mark: said once for all (per-file-warnings.ts), naming the first few.
    expect(warnings).toMatch(
      /^\d+ files \([^)]*Opportunity\.csv[^)]*\) start with a byte order mark that says they are utf-8: read as utf-8, not as --encoding windows-1252\.$/m
    );
    expect(warnings).not.toMatch(/\.csv starts with a byte order mark/);
  });

  it('UTF-16LE and UTF-16BE without a byte order mark, no --encoding: read as UTF-16 by their NULs', async () => {
    const le = makeFixture();
    reencode(le.exportDir, (t) => Buffer.from(t, 'utf16le'));
    expect(await run(le.exportDir, le.rulesDir)).toMatch(
      /^\d+ files \([^)]*User\.csv[^)]*\) have a NUL in every other byte .* utf-16le text/m
    );
    const be = makeFixture();
    reencode(be.exportDir, utf16be);
    expect(await run(be.exportDir, be.rulesDir)).toMatch(/read as utf-16be, not as --encoding utf-8/);
  });

  it('NUL bytes in no UTF-16 pattern: refused before parsing, naming the file, not a quoting error', async () => {
    const { exportDir, rulesDir } = makeFixture();
    const file = join(exportDir, 'Opportunity.csv');
    // UTF-32LE: three NULs after each ASCII byte.
    const bytes = readFileSync(file);
    const utf32 = Buffer.alloc(bytes.length * 4);
    bytes.forEach((b, k) => (utf32[k * 4] = b));
    writeFileSync(file, utf32);
    const error = await measure(new ExportSource({ paths: [exportDir], rulesDir }), {
      objects: ['Opportunity'],
      asOf: '2026-11-20'
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncInputError);
    expect((error as Error).message).toMatch(/Opportunity\.csv holds NUL bytes/);
    expect((error as Error).message).not.toMatch(/quote/);
  });

  it('valid UTF-8 read as --encoding windows-1252: read as told, with a hint', async () => {
    const { exportDir, rulesDir } = makeFixture();
    const users = join(exportDir, 'User.csv');
    writeFileSync(users, readFileSync(users, 'utf8').replace('"Ana"', '"Léa"'));
    const source = new ExportSource({ paths: [exportDir], rulesDir, encoding: 'windows-1252' });
    const result = await measure(source, { objects: ['Opportunity'], asOf: '2026-11-20' });
    // The bytes C3 A9 read as windows-1252 are "Ã©": the name is garbled, and the warning says why.
    expect(result.users.find((u) => u.userId === U1)!.name).toBe('LÃ©a');
    expect(result.warnings.join('\n')).toMatch(
      /^2 files \([^)]*User\.csv[^)]*\) hold multi-byte UTF-8 characters but are read as windows-1252/m
    );
  });
});
