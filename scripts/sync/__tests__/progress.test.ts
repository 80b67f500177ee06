// Progress on stderr (progress.ts), as both entry points print it: a line per object, ended by a line
// break, when stderr is not a terminal (a log, a pipe); "1 page"; the count shown while reading (rows)
// never above the object's last line, which gives the records and, when some rows are not records
// (deleted, a second copy), the rows read.
import { PassThrough } from 'node:stream';
import { Progress } from '../progress';

function stream(tty: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  const through = new PassThrough();
  let text = '';
  through.on('data', (d: Buffer) => (text += d.toString()));
  return {
    stream: Object.assign(through, { isTTY: tty }) as unknown as NodeJS.WriteStream,
    text: () => text
  };
}

describe('Progress', () => {
  it('writes one line per object, each ended by a line break, when stderr is not a terminal', () => {
    const out = stream(false);
    const progress = new Progress(false, out.stream);
    progress.objectStart('Account');
    progress.page('Account', { page: 1, records: 3 });
    progress.objectEnd('Account', 3);
    progress.objectStart('Opportunity');
    progress.page('Opportunity', { page: 1, records: 1000 });
    progress.page('Opportunity', { page: 2, records: 500 });
    progress.objectEnd('Opportunity', 1500);
    const lines = out.text().split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(0, -1)).toEqual([
      expect.stringMatching(/^✓ Account: 3 records, 1 page, \d+\.\ds$/),
      expect.stringMatching(/^✓ Opportunity: 1,500 records, 2 pages, \d+\.\ds$/)
    ]);
  });

  it('gives the rows read when the row rules kept fewer records (the count while reading is of rows)', () => {
    const out = stream(false);
    const progress = new Progress(false, out.stream);
    progress.objectStart('Lead');
    progress.page('Lead', { page: 1, records: 10 });
    progress.objectEnd('Lead', 8);
    expect(out.text()).toMatch(/^✓ Lead: 8 records \(10 rows read\), 1 page, /);
  });

  it('says one record and one row in the singular (counts agree with their nouns)', () => {
    const out = stream(false);
    const progress = new Progress(false, out.stream);
    progress.objectStart('Lead');
    progress.page('Lead', { page: 1, records: 1 });
    progress.objectEnd('Lead', 1);
    expect(out.text()).toMatch(/^✓ Lead: 1 record, 1 page, /);
  });

  it('redraws one line on a terminal, in rows read, and ends it with the records', () => {
    const out = stream(true);
    const progress = new Progress(false, out.stream);
    progress.objectStart('Lead');
    progress.page('Lead', { page: 1, records: 10 });
    progress.objectEnd('Lead', 8);
    expect(out.text()).toMatch(
      /^\r\S Lead: 0 rows read, 0 pages, .*\r✓ Lead: 8 records \(10 rows read\), 1 page, .*\n$/s
    );
  });

  it('is silent when quiet, and leaves warnings to the end of the run (printed once)', () => {
    const out = stream(false);
    const quiet = new Progress(true, out.stream);
    quiet.objectStart('Lead');
    quiet.objectEnd('Lead', 1);
    quiet.info('Report: x');
    new Progress(false, out.stream).warn();
    expect(out.text()).toBe('');
  });
});
