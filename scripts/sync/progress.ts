// Progress on stderr, the same from both entry points (`sf adoption sync`, `npm run sync`): records read
// per object, pages, elapsed. A redrawn line on a terminal; otherwise one line per object, ended by a line
// break; silent when asked (--json with stderr not a terminal).

import type { SyncHost } from './command/run-sync';
import type { MeasureProgress } from './engine/measure';
import { plural } from './messages';

/** A count and its noun agreeing with it, in the console's English: "1 page", "2 pages", "1,500 records". */
const counted = (n: number, one: string, other: string): string =>
  `${n.toLocaleString('en-US')} ${plural('en', n, one, other)}`;
const pages = (n: number): string => counted(n, 'page', 'pages');

export class Progress implements MeasureProgress {
  private object = '';
  private rows = 0;
  private pages = 0;
  private readonly started = Date.now();
  private lastDraw = 0;
  private readonly tty: boolean;

  constructor(
    private readonly quiet: boolean,
    private readonly stream: NodeJS.WriteStream = process.stderr
  ) {
    this.tty = stream.isTTY;
  }

  private elapsed(): string {
    return `${((Date.now() - this.started) / 1000).toFixed(1)}s`;
  }

  private draw(force: boolean): void {
    if (this.quiet || !this.tty) return;
    const now = Date.now();
    if (!force && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const spin = '|/-\\'[Math.floor(now / 150) % 4];
    const line = `${spin} ${this.object}: ${counted(this.rows, 'row', 'rows')} read, ${pages(this.pages)}, ${this.elapsed()}`;
    this.stream.write(`\r${line.padEnd(Math.max(60, line.length))}`);
  }

  objectStart(object: string): void {
    this.object = object;
    this.rows = 0;
    this.pages = 0;
    this.draw(true);
  }

  page(_object: string, info: { page: number; records: number }): void {
    this.pages = info.page;
    this.rows += info.records;
    this.draw(false);
  }

  /**
   * The object's line: its records measured, and the rows read when they are more, so the count shown
   * while reading (rows) is never above the last one. Rows read are more than records when some are
   * records of users left out (integration, automated, inactive: the "Excluded" column), deleted or a
   * second copy (engine/row-rules.ts).
   */
  objectEnd(object: string, records: number): void {
    if (this.quiet) return;
    const read = this.rows > records ? ` (${counted(this.rows, 'row', 'rows')} read)` : '';
    const line = `✓ ${object}: ${counted(records, 'record', 'records')}${read}, ${pages(this.pages)}, ${this.elapsed()}`;
    this.stream.write(this.tty ? `\r${line.padEnd(60)}\n` : `${line}\n`);
  }

  /** Warnings are the result's, printed once after the run (`consoleHost` users, output.ts warningText). */
  warn(): void {
    // Not printed here: a warning shown while running and again after would be shown twice.
  }

  info(message: string): void {
    if (this.quiet) return;
    this.stream.write(`${message}\n`);
  }
}

/**
 * Where a run started from a console reports, the same for both entry points: progress and information
 * on stderr (quiet with --json unless stderr is a terminal), warnings on stderr with --json too (a
 * scheduled run discards stdout and logs stderr, where refused rows and a stopped retention must show).
 */
export function consoleHost(
  json: boolean,
  stderr: NodeJS.WriteStream,
  warn: (text: string) => void
): SyncHost {
  const progress = new Progress(json && !stderr.isTTY, stderr);
  return {
    progress,
    info: (text) => {
      progress.info(text);
    },
    warn
  };
}
