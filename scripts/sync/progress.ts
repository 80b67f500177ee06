// Progress on stderr: records read per object, pages, elapsed. A redrawn line on a terminal, a line per
// object otherwise; silent when asked (--json with stderr not a terminal).

import type { MeasureProgress } from './engine/measure';

export class Progress implements MeasureProgress {
  private object = '';
  private records = 0;
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
    const line = `${spin} ${this.object}: ${this.records.toLocaleString('en-US')} records, ${this.pages} pages, ${this.elapsed()}`;
    this.stream.write(`\r${line.padEnd(Math.max(60, line.length))}`);
  }

  objectStart(object: string): void {
    this.object = object;
    this.records = 0;
    this.pages = 0;
    this.draw(true);
  }

  page(_object: string, info: { page: number; records: number }): void {
    this.pages = info.page;
    this.records += info.records;
    this.draw(false);
  }

  objectEnd(object: string, records: number): void {
    if (this.quiet) return;
    const line = `✓ ${object}: ${records.toLocaleString('en-US')} records, ${this.pages} pages, ${this.elapsed()}`;
    this.stream.write(this.tty ? `\r${line.padEnd(60)}\n` : `${line}\n`);
  }

  warn(message: string): void {
    if (this.quiet) return;
    this.stream.write(`${this.tty ? '\r' : ''}warning: ${message}\n`);
  }

  info(message: string): void {
    if (this.quiet) return;
    this.stream.write(`${message}\n`);
  }
}
