// Which encodings may reach the byte parser (csv-reader.ts), which are transcoded to UTF-8 first, which
// are refused before reading. The parser finds records and cells by the bytes of ", comma, CR and LF:
// that is right only when no byte of a multi-byte character takes one of those values.
//
// - Byte-safe (parsed as they are): UTF-8 (continuation bytes are 0x80–0xBF), every single-byte WHATWG
//   encoding (ASCII below 0x80), and the East Asian multi-byte ones whose trail bytes are 0x40 and above
//   (Shift_JIS, EUC-JP, EUC-KR/windows-949, Big5) or digits (GB18030's four-byte form): none is 0x22,
//   0x2C, 0x0A or 0x0D. Sources: WHATWG Encoding Standard (index of encodings and their decoders).
// - Transcoded: UTF-16LE/BE (every ASCII character is two bytes, one of them 0x00) and ISO-2022-JP (7-bit
//   double-byte characters reuse 0x21–0x7E, " and , included). Also any file starting with a UTF-16 byte
//   order mark, whatever --encoding says (Excel's "Unicode text").
// - Refused: "replacement" (ISO-2022-KR, HZ-GB-2312…: WHATWG decodes them to U+FFFD only).

import { Transform } from 'node:stream';
import type { Readable, TransformCallback } from 'node:stream';
import { syncInputError } from '../errors';

/** How the bytes of a file reach the parser. */
export interface EncodingPlan {
  /** WHATWG name of the file's encoding. */
  encoding: string;
  /** Whether the bytes are transcoded to UTF-8 before parsing (the parser then reads utf-8). */
  transcode: boolean;
  /** The file's own bytes proved the encoding (a byte order mark, UTF-16's NULs), not --encoding. */
  proven?: boolean;
}

/** WHATWG labels of the "replacement" encoding (Node's TextDecoder does not know them). */
const REPLACEMENT_LABELS = new Set([
  'csiso2022kr',
  'hz-gb-2312',
  'iso-2022-cn',
  'iso-2022-cn-ext',
  'iso-2022-kr',
  'replacement'
]);
const TRANSCODED = new Set(['utf-16le', 'utf-16be', 'iso-2022-jp']);
const MULTI_BYTE_SAFE = new Set(['utf-8', 'gbk', 'gb18030', 'big5', 'euc-jp', 'shift_jis', 'euc-kr']);

/** Whether a WHATWG encoding is single-byte and ASCII-compatible (every byte below 0x80 is ASCII). */
function singleByte(name: string): boolean {
  return (
    /^(ibm866|iso-8859-\d+|koi8-[ru]|macintosh|windows-\d+|x-mac-cyrillic|x-user-defined)$/.test(name) &&
    name !== 'windows-949'
  );
}

/**
 * The plan for an --encoding label. Throws SyncInputError (exit 2, with what to do) for an unknown label
 * or an encoding the parser can neither read nor transcode.
 */
export function planEncoding(label: string): EncodingPlan {
  let name: string;
  if (REPLACEMENT_LABELS.has(label.trim().toLowerCase())) name = 'replacement';
  else
    try {
      name = new TextDecoder(label).encoding;
    } catch {
      throw syncInputError('sync.export', 'UnknownExportEncoding', [label]);
    }
  if (TRANSCODED.has(name)) return { encoding: name, transcode: true };
  if (MULTI_BYTE_SAFE.has(name) || singleByte(name)) return { encoding: name, transcode: false };
  throw syncInputError('sync.export', 'UnreadableEncoding', [label, name]);
}

/** The encoding a UTF-16 byte order mark announces, or null. */
export function bomEncoding(head: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return null;
}

/** A stream of the same text in UTF-8 (streaming decoder: a character split across chunks is kept whole). */
export function toUtf8(source: Readable, encoding: string): Readable {
  const decoder = new TextDecoder(encoding);
  const transform = new Transform({
    transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
      done(null, Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8'));
    },
    flush(done: TransformCallback) {
      done(null, Buffer.from(decoder.decode(), 'utf8'));
    }
  });
  source.on('error', (error) => transform.destroy(error));
  return source.pipe(transform);
}

/** Whether decoded text holds U+FFFD, the replacement character of bytes the encoding cannot decode. */
export function hasReplacement(text: string): boolean {
  return text.includes('\uFFFD');
}
