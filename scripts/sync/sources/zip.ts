// A minimal streaming reader of .zip archives (a Salesforce Data Export is delivered as zips):
// the central directory gives each entry's name, method, sizes and offset; an entry is streamed from its
// local header through zlib's inflateRaw (method 8) or as is (method 0). No entry is held in memory.

import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { createInflateRaw } from 'node:zlib';
import { Readable } from 'node:stream';
import { SyncInputError } from '../errors';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
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
      throw new SyncInputError(
        `${path} is not a zip file (no end of central directory).`,
        'Pass the Data Export .zip as downloaded, or unzip it and pass the folder.'
      );
    }
    const count = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      throw new SyncInputError(
        `${path} is a ZIP64 archive, which this reader does not support.`,
        'Unzip it (unzip or your file manager) and pass the folder to --from-export.'
      );
    }
    const cd = readAt(fd, cdOffset, cdSize);
    const entries: ZipEntry[] = [];
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (cd.readUInt32LE(p) !== 0x02014b50) {
        throw new SyncInputError(
          `${path}: the zip's central directory is damaged.`,
          'Download the export again, or unzip it and pass the folder.'
        );
      }
      const method = cd.readUInt16LE(p + 10);
      const compressedSize = cd.readUInt32LE(p + 20);
      const sizeU = cd.readUInt32LE(p + 24);
      const nameLength = cd.readUInt16LE(p + 28);
      const extraLength = cd.readUInt16LE(p + 30);
      const commentLength = cd.readUInt16LE(p + 32);
      const localHeaderOffset = cd.readUInt32LE(p + 42);
      const name = cd.toString('utf8', p + 46, p + 46 + nameLength);
      entries.push({ name, method, compressedSize, size: sizeU, localHeaderOffset });
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
      throw new SyncInputError(
        `${path}: entry ${entry.name} has no local header.`,
        'Download the export again.'
      );
    }
    dataStart = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  } finally {
    closeSync(fd);
  }
  if (entry.method !== 0 && entry.method !== 8) {
    throw new SyncInputError(
      `${path}: entry ${entry.name} uses compression method ${entry.method}.`,
      'Only stored and deflated entries are read: unzip the archive and pass the folder.'
    );
  }
  if (entry.compressedSize === 0) return Readable.from([]);
  const raw = createReadStream(path, {
    start: dataStart,
    end: dataStart + entry.compressedSize - 1,
    highWaterMark: 1 << 20
  });
  if (entry.method === 0) return raw;
  const inflate = createInflateRaw({ chunkSize: 1 << 20 });
  raw.on('error', (error) => inflate.destroy(error));
  return raw.pipe(inflate);
}
