import { readFileSync } from 'node:fs';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipInflateProblem } from '../../src/ingest/containers/zip-limits.js';
import { readDocument } from '../../src/ingest/read-document.js';

/** A zip whose one `name` entry is `mb` MB of spaces: a few tens of KB on the wire. */
function bomb(name: string, mb: number, extra: Record<string, Uint8Array> = {}): Uint8Array {
  return zipSync({ '[Content_Types].xml': new TextEncoder().encode('<Types/>'), ...extra, [name]: new Uint8Array(mb * 1048576).fill(32) }, { level: 1 });
}

/** The same zip with every entry's declared uncompressed size rewritten to `size` (a lying header). */
function lying(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return out;
}

describe('zip inflate limits', () => {
  it('refuses a .docx whose document.xml inflates past 32 MB, before reading it, with a clear message', async () => {
    const zip = bomb('word/document.xml', 40);
    expect(zip.length).toBeLessThan(1048576);
    const parsed = await readDocument(zip, '方案.docx');
    expect(parsed.tasks).toEqual([]);
    expect(parsed.warnings[0].message).toMatch(/^文件解压后过大：其中 word\/document\.xml 解压后超过 32\.0 MB/);
  });

  it('counts the bytes really inflated when the sizes in the zip lie', () => {
    const zip = lying(bomb('word/document.xml', 40), 1000);
    expect(zipInflateProblem(zip, (n) => n === 'word/document.xml')).toMatch(/word\/document\.xml 解压后超过 32\.0 MB/);
  });

  it('counts every entry of an .xlsx together, and only the read entries of a .docx', async () => {
    const media = new Uint8Array(30 * 1048576).fill(32);
    const xlsx = bomb('xl/worksheets/sheet1.xml', 30, { 'xl/media/a.bin': media, 'xl/media/b.bin': media });
    expect((await readDocument(xlsx, '台账.xlsx')).warnings[0].message).toMatch(/^文件解压后过大：内容解压后共超过 64\.0 MB/);
    // Images in a .docx are never inflated: the real plan with 60 MB of media beside it is read.
    const docx = zipSync({ ...unzipped('test/fixtures/formats/003_6ea2951639ab2eff.docx'), 'word/media/a.bin': media, 'word/media/b.bin': media }, { level: 1 });
    expect((await readDocument(docx, '方案.docx')).tasks.length).toBeGreaterThan(10);
  });
});

function unzipped(path: string): Record<string, Uint8Array> {
  return unzipSync(readFileSync(path));
}
