import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import jschardet from 'jschardet';

export type Decoded =
  | { ok: true; text: string; encoding: string }
  | { ok: false; reason: string };

/** Files above this size are refused: no plan document is anywhere near it. */
export const MAX_BYTES = 8 * 1024 * 1024;

/**
 * The one step from bytes to text. Detects the encoding (UTF-8 with or without BOM, UTF-16
 * with BOM, GBK/GB18030 via jschardet) and normalizes line endings (CRLF, CR) to LF.
 * Refuses empty, oversized and binary input with a reason a person can act on.
 */
export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: '文件为空 (empty file)' };
  if (bytes.length > MAX_BYTES) {
    return { ok: false, reason: `文件过大 (${(bytes.length / 1048576).toFixed(1)} MB > ${MAX_BYTES / 1048576} MB)` };
  }
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const encoding = detectEncoding(buf);
  if (!encoding) return { ok: false, reason: '不是文本文件 (binary content)' };
  let text = iconv.decode(buf, encoding);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (looksBinary(text)) return { ok: false, reason: '不是文本文件 (binary content)' };
  return { ok: true, text: text.replace(/\r\n?/g, '\n'), encoding };
}

function detectEncoding(buf: Buffer): string | undefined {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return 'utf8';
  if (buf[0] === 0xff && buf[1] === 0xfe) return 'utf16le';
  if (buf[0] === 0xfe && buf[1] === 0xff) return 'utf16be';
  // Validated without decoding (the text is decoded once, below).
  if (isUtf8(buf)) return 'utf8';
  // Chinese government text that is not UTF-8 is nearly always GBK/GB18030; jschardet
  // confirms it and catches the rarer Big5 or UTF-16 without BOM.
  const guess = jschardet.detect(buf.subarray(0, 65536));
  const name = (guess.encoding ?? '').toLowerCase();
  if (name.includes('big5')) return 'big5';
  if (name.includes('utf-16')) return name.includes('be') ? 'utf16be' : 'utf16le';
  if (buf.includes(0)) return undefined;
  return 'gb18030';
}


function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 9 || (c > 13 && c < 32)) || c === 0xfffd) control++;
  }
  return control > sample.length * 0.02;
}
