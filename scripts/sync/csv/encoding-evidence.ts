// What a file's first bytes prove about its encoding, whatever --encoding says (issue 11, encodings): a
// byte order mark names it; NUL bytes in every other place prove UTF-16 (text of a CSV has no NUL); other
// NULs prove it is no text the parser reads (refused before parsing, never a quoting error); valid
// multi-byte UTF-8 read with a single-byte --encoding is said, since it would be garbled ("LÃ©a").

import type { Readable } from 'node:stream';
import { syncInputError } from '../errors';
import { warningOf, type SyncWarning } from '../messages';
import { bomEncoding } from './encodings';
import type { EncodingPlan } from './encodings';

/** Bytes read from the start of a file to judge its encoding. */
export const HEAD_BYTES = 65_536;

/** Up to `limit` first bytes of a stream (then destroys it). */
export async function headBytes(stream: Readable, limit = HEAD_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const chunk of stream) {
    const b = chunk as Buffer;
    chunks.push(b);
    n += b.length;
    if (n >= limit) break;
  }
  stream.destroy();
  return Buffer.concat(chunks).subarray(0, limit);
}

/** The UTF-16 byte order that the NUL bytes of `head` show (ASCII text: one NUL per pair), or null. */
function utf16Pattern(head: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(head.length / 2);
  if (pairs < 2) return null;
  let odd = 0;
  let even = 0;
  for (let i = 0; i + 1 < head.length; i += 2) {
    if (head[i] === 0) even++;
    if (head[i + 1] === 0) odd++;
  }
  // A header of API names is ASCII: at least half of its pairs carry a NUL on one side, none on the other.
  if (odd * 2 >= pairs && even === 0) return 'utf-16le';
  if (even * 2 >= pairs && odd === 0) return 'utf-16be';
  return null;
}

/** Whether `head` holds a multi-byte UTF-8 character and decodes as UTF-8 (a character cut at the end aside). */
function provesUtf8(head: Uint8Array): boolean {
  if (!head.some((b) => b >= 0x80)) return false;
  let end = head.length;
  // Drop a character cut by the head's limit: back to its lead byte.
  for (let k = 1; k <= 3 && end - k >= 0; k++) {
    const b = head[end - k] as number;
    if (b >= 0xc0) {
      end -= k;
      break;
    }
    if (b < 0x80) break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/**
 * The plan for a file given its first bytes and --encoding's plan:
 * - a UTF-8 or UTF-16 byte order mark wins (a warning when --encoding said otherwise);
 * - NULs in every other byte without a mark: UTF-16 in that byte order (a warning when --encoding said
 *   otherwise); other NULs: SyncInputError before any parsing;
 * - valid multi-byte UTF-8 with a single-byte --encoding: read as told, with a warning.
 * @param display the file's name for messages
 */
export function planFromBytes(
  head: Uint8Array,
  given: EncodingPlan,
  display: string,
  warn: (warning: SyncWarning) => void
): EncodingPlan {
  const said = (key: 'warning.EncodingBom' | 'warning.EncodingNuls', plan: EncodingPlan): EncodingPlan => {
    if (given.encoding !== plan.encoding)
      warn(warningOf('sync.export', key, [display, plan.encoding, plan.encoding, given.encoding]));
    return plan;
  };
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return said('warning.EncodingBom', { encoding: 'utf-8', transcode: false, proven: true });
  const bom = bomEncoding(head);
  if (bom) return said('warning.EncodingBom', { encoding: bom, transcode: true, proven: true });
  // The header (API names, ASCII) shows the byte order; text further on may be CJK with NULs anywhere.
  const utf16 = utf16Pattern(head.subarray(0, 256));
  if (utf16) return said('warning.EncodingNuls', { encoding: utf16, transcode: true, proven: true });
  if (head.includes(0) && !given.encoding.startsWith('utf-16'))
    throw syncInputError('sync.export', 'NulBytes', [display, given.encoding]);
  if (given.encoding.startsWith('utf-16') && head.length >= 2)
    throw syncInputError('sync.export', 'NotUtf16', [display, given.encoding]);
  if (
    given.encoding !== 'utf-8' &&
    !given.transcode &&
    provesUtf8(head) &&
    /^(windows-|iso-8859-|ibm|koi8|mac|x-)/.test(given.encoding)
  )
    warn(warningOf('sync.export', 'warning.LooksUtf8', [display, given.encoding]));
  return given;
}
