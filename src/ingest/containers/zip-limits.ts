import { Unzip, UnzipInflate, unzipSync } from 'fflate';

export interface ZipLimits {
  /** Most bytes one entry may inflate to. */
  entryBytes: number;
  /** Most bytes all the entries read may inflate to together. */
  totalBytes: number;
}

/** A plan's document.xml or sheet is a few MB; 32 MB leaves room, and what exceljs holds of 64 MB stays in memory. */
export const ZIP_LIMITS: ZipLimits = { entryBytes: 32 * 1024 * 1024, totalBytes: 64 * 1024 * 1024 };

/**
 * Checks, before a zip (.docx, .xlsx) is read, what the entries the reader will inflate (`reads`)
 * come to: first the sizes the central directory declares, then, since a declared size can lie,
 * the bytes they really inflate to, counted as they stream by (nothing is kept, and counting stops
 * at the cap). Undefined within the limits, else why not, in words for the uploader. A zip too
 * broken to list is left to the reader, which says so.
 */
export function zipInflateProblem(bytes: Uint8Array, reads: (name: string) => boolean, limits: ZipLimits = ZIP_LIMITS): string | undefined {
  let declared = 0;
  let problem: string | undefined;
  try {
    unzipSync(bytes, {
      filter: (f) => {
        if (reads(f.name)) {
          declared += f.originalSize;
          problem ??= tooLarge(f.name, f.originalSize, declared, limits);
        }
        return false;
      },
    });
  } catch {
    return undefined;
  }
  return problem ?? inflatedProblem(bytes, reads, limits);
}

function inflatedProblem(bytes: Uint8Array, reads: (name: string) => boolean, limits: ZipLimits): string | undefined {
  let total = 0;
  let problem: string | undefined;
  const unzip = new Unzip((file) => {
    if (problem || !reads(file.name)) return;
    let size = 0;
    file.ondata = (err, chunk) => {
      if (err || problem) return;
      size += chunk.length;
      total += chunk.length;
      problem = tooLarge(file.name, size, total, limits);
      if (problem) file.terminate();
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(bytes, true);
  } catch {
    // A stream the counter cannot follow: the declared sizes were within the limits, the reader decides.
  }
  return problem;
}

function tooLarge(name: string, size: number, total: number, limits: ZipLimits): string | undefined {
  const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
  if (size > limits.entryBytes) return `文件解压后过大：其中 ${name} 解压后超过 ${mb(limits.entryBytes)}（至少 ${mb(size)}），可能是异常或恶意构造的文件，未读取。请检查文件，或另存后再发送。`;
  if (total > limits.totalBytes) return `文件解压后过大：内容解压后共超过 ${mb(limits.totalBytes)}，可能是异常或恶意构造的文件，未读取。请删去图片等嵌入内容后再发送。`;
  return undefined;
}
