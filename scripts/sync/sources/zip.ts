// A minimal streaming reader of .zip archives (a Salesforce Data Export is delivered as zips):
// the central directory gives each entry's name, method, sizes and offset; an entry is streamed from its
// local header through zlib's inflateRaw (method 8) or as is (method 0). No entry is held in memory.

import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { crc32, createInflateRaw } from 'node:zlib';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { SyncInputError, syncInputError } from '../errors';
import { messageOf } from '../messages';

export interface ZipEntry {
  name: string;
  method: number;
  /** CRC-32 of the uncompressed bytes, from the central directory. */
  crc: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
  /** Last-modified date as an MS-DOS date (0 when the tool wrote none): dates the export (rules/export-day.ts). */
  dosDate?: number;
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const n = readSync(fd, buf, 0, length, position);
  return buf.subarray(0, n);
}

/** Lists the entries of a zip file from its central directory. */
export function listZipEntries(path: string): ZipEntry[] {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const tailLength = Math.min(size, 65_557);
    const tail = readAt(fd, size - tailLength, tailLength);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) {
      throw syncInputError('sync.export', 'NotAZip', [path]);
    }
    const count = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      throw syncInputError('sync.export', 'Zip64', [path]);
    }
    const cd = readAt(fd, cdOffset, cdSize);
    const entries: ZipEntry[] = [];
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) {
        throw syncInputError('sync.export', 'ZipDirectoryDamaged', [path]);
      }
      const method = cd.readUInt16LE(p + 10);
      const crc = cd.readUInt32LE(p + 16);
      const compressedSize = cd.readUInt32LE(p + 20);
      const sizeU = cd.readUInt32LE(p + 24);
      const nameLength = cd.readUInt16LE(p + 28);
      const extraLength = cd.readUInt16LE(p + 30);
      const commentLength = cd.readUInt16LE(p + 32);
      const localHeaderOffset = cd.readUInt32LE(p + 42);
      const name = cd.toString('utf8', p + 46, p + 46 + nameLength);
      if (p + 46 + nameLength > cd.length || localHeaderOffset + 30 > size) {
        throw syncInputError('sync.export', 'ZipEntryDirectoryDamaged', [
          path,
          name ? `${i + 1}, ${name}` : i + 1
        ]);
      }
      const dosDate = cd.readUInt16LE(p + 14);
      entries.push({ name, method, crc, compressedSize, size: sizeU, localHeaderOffset, dosDate });
      p += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } finally {
    closeSync(fd);
  }
}

/** Streams one entry's uncompressed bytes. */
export function openZipEntry(path: string, entry: ZipEntry): Readable {
  const fd = openSync(path, 'r');
  let dataStart: number;
  try {
    const header = readAt(fd, entry.localHeaderOffset, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== 0x04034b50) {
      throw syncInputError('sync.export', 'ZipNoLocalHeader', [path, entry.name]);
    }
    dataStart = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  } finally {
    closeSync(fd);
  }
  if (entry.method !== 0 && entry.method !== 8) {
    throw syncInputError('sync.export', 'ZipMethod', [path, entry.name, entry.method]);
  }
  const damaged = (why: string): SyncInputError =>
    syncInputError('sync.export', 'ZipEntryDamaged', [path, entry.name, why]);
  const raw = createReadStream(path, {
    start: dataStart,
    end: Math.max(dataStart, dataStart + entry.compressedSize - 1),
    highWaterMark: 1 << 20
  });
  const checked = new EntryCheck(entry, damaged);
  const fail = (error: Error): void => {
    checked.destroy(error instanceof SyncInputError ? error : damaged(error.message));
  };
  raw.on('error', fail);
  if (entry.compressedSize === 0) {
    raw.destroy();
    checked.end();
    return checked;
  }
  if (entry.method === 0) return raw.pipe(checked);
  const inflate = createInflateRaw({ chunkSize: 1 << 20 });
  inflate.on('error', fail);
  return raw.pipe(inflate).pipe(checked);
}

/**
 * Passes an entry's bytes through while holding them to the central directory: never more bytes than
 * its declared size (a zip bomb whose entry inflates past what it declares stops there, at once),
 * exactly that many at the end, and the declared CRC-32.
 */
class EntryCheck extends Transform {
  private bytes = 0;
  private crc = 0;

  constructor(
    private readonly entry: ZipEntry,
    private readonly damaged: (why: string) => SyncInputError
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.entry.size) {
      callback(this.damaged(messageOf('sync.export', 'zip.PastDeclaredSize', [this.entry.size])));
      return;
    }
    this.crc = crc32(chunk, this.crc);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.bytes !== this.entry.size) {
      callback(this.damaged(messageOf('sync.export', 'zip.SizeMismatch', [this.bytes, this.entry.size])));
    } else if (this.crc >>> 0 !== this.entry.crc >>> 0) {
      callback(this.damaged(messageOf('sync.export', 'zip.CrcMismatch')));
    } else callback();
  }
}
