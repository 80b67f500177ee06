/* eslint-disable @typescript-eslint/no-non-null-assertion -- test assertions on known fixtures. */
// Review 8 (a fresh user's try of the merged tree): a day the calendar has not (2026-11-31) was read as the
// next month's first; an unreadable LastLoginDate stopped the report with --people; two date columns of
// one object that could not be read merged into one report line.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dayAt } from '../csv/cells';
import { CsvParser } from '../csv/csv-reader';
import { measure } from '../engine/measure';
import { dayNumber } from '../engine/periods';
import { warningOf } from '../messages';
import { formatter } from '../report/format';
import { renderReport } from '../report/render-report';
import { reportWarnings } from '../report/warnings';
import { ExportSource } from '../sources/export-source';
import { makeFixture, reportContext } from './fixtures';

describe('a day the calendar has not', () => {
  const days = ['2026-11-31', '2026-02-30', '2026-02-29', '2026-04-31', '2026-00-10', '2026-13-01'];

  it('is no date for either reader (text and bytes), leap days kept', () => {
    for (const text of days) {
      expect([text, dayNumber(text)]).toEqual([text, Number.NaN]);
      expect([text, dayNumber(`${text}T12:51:00.000Z`)]).toEqual([text, Number.NaN]);
    }
    expect(dayNumber('2024-02-29')).toBe(Math.floor(Date.UTC(2024, 1, 29) / 86_400_000));
    expect(dayNumber('2026-11-30T23:59:00.000Z')).toBe(Math.floor(Date.UTC(2026, 10, 30) / 86_400_000));
    // dayAt reads the bytes of a parsed cell without decoding it: the same rule.
    const parser = new CsvParser({ header: ['CreatedDate'] });
    const text = [...days, '2024-02-29', '2026-11-30T23:59:00.000Z'].map((d) => `"${d}T10:00:00.000Z"`);
    const { batch } = parser.parseRange(Buffer.from(text.join('\n') + '\n'), Number.MAX_SAFE_INTEGER, true);
    const read = Array.from({ length: batch!.length }, (_, r) => dayAt(batch!, batch!.raw!(), r, 0));
    expect(read.slice(0, days.length).every(Number.isNaN)).toBe(true);
    expect(read.slice(days.length).some(Number.isNaN)).toBe(false);
  });

  it('does not date the export: a last login on 2026-11-31 is warned, not read as 1 December', async () => {
    const { exportDir, rulesDir } = makeFixture();
    const users = join(exportDir, 'User.csv');
    writeFileSync(
      users,
      readFileSync(users, 'utf8').replace('2026-11-19T08:00:00.000Z', '2026-11-31T12:51:00.000Z')
    );
    const result = await measure(new ExportSource({ paths: [exportDir], rulesDir }), {
      objects: ['Opportunity']
    });
    // The latest readable login (Ana, 2026-11-18) dates the export: the week before it is measured.
    expect([result.period.start, result.period.end]).toEqual(['2026-11-09', '2026-11-15']);
    expect(result.warningCodes.map((w) => w.code)).toContain('warning.UnreadableStampDates');
  });
});

describe('an unreadable last login', () => {
  it('is no login in the result, and the report with people renders', async () => {
    const { exportDir, rulesDir } = makeFixture();
    const users = join(exportDir, 'User.csv');
    writeFileSync(users, readFileSync(users, 'utf8').replace('2026-11-18T08:00:00.000Z', '11/09/2026 10:13'));
    const result = await measure(new ExportSource({ paths: [exportDir], rulesDir }), {
      objects: ['Opportunity'],
      asOf: '2026-11-20'
    });
    const ana = result.users.find((u) => u.name === 'Ana')!;
    expect(ana.lastLogin).toBeNull();
    for (const lang of ['en', 'fr'] as const) {
      const html = renderReport(result, [], lang, { people: true, timeZone: 'UTC' });
      expect(html).toContain('Ana');
    }
  });

  it('a date the report cannot read is shown as written, never stops it', () => {
    const f = formatter('fr', 'UTC');
    expect(f.date('11/09/2026 10:13')).toBe('11/09/2026 10:13');
    expect(f.dateTime('not a date')).toBe('not a date');
    expect(f.date('2026-11-09')).toMatch(/9 nov/);
  });
});

describe('unreadable dates of two columns of one object', () => {
  it('are two report lines, each naming its column, in English and French', () => {
    const codes = [
      warningOf('sync.run', 'warning.UnreadableWaveDates', [
        'Rollout_Wave__c',
        'Go_Live_Date__c',
        1,
        '2026-13-01'
      ]),
      warningOf('sync.run', 'warning.UnreadableWaveDates', [
        'Rollout_Wave__c',
        'Hypercare_End_Date__c',
        1,
        'x'
      ])
    ];
    for (const lang of ['en', 'fr'] as const) {
      const lines = reportWarnings(codes, lang, reportContext(lang));
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/Go Live Date/i);
      expect(lines[1]).toMatch(/Hypercare End Date/i);
    }
  });
});
