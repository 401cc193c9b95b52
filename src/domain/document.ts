import { z } from 'zod';

export const Level = z.enum(['省', '市', '县', '区', '']);
export type Level = z.infer<typeof Level>;

/** What a plan document says about itself. `year` is null when no year could be found. */
export const DocumentMeta = z.object({
  doc: z.string().min(1),
  title: z.string(),
  issuer: z.string(),
  region: z.string(),
  /** Short forms people type for the region: 蕉岭 for 蕉岭县, 安居 for 遂宁市安居区. */
  regionAliases: z.array(z.string()),
  level: Level,
  year: z.number().int().nullable(),
  layout: z.string(),
  /** The source file's format: txt, docx, xlsx, doc, wps, pdf. */
  format: z.string().default('txt'),
  taskCount: z.number().int().nonnegative(),
  /** sha1 of the file's bytes, so a changed seed folder is noticed. */
  hash: z.string(),
});
export type DocumentMeta = z.infer<typeof DocumentMeta>;

/**
 * What an admin says about a document where the document is silent (a `catalog.json` entry in the
 * documents folder, or a correction in the upload preview): each given field overrides what the
 * document's own text says.
 */
export const DocumentHint = z
  .object({
    region: z.string().min(2).optional(),
    issuer: z.string().min(2).optional(),
    year: z.number().int().min(1990).max(2100).optional(),
    title: z.string().min(2).optional(),
  })
  .strict();
export type DocumentHint = z.infer<typeof DocumentHint>;

/** A problem with one input file; the other files still load. */
export const Warning = z.object({ doc: z.string(), message: z.string() });
export type Warning = z.infer<typeof Warning>;

/** True when a plan's issuer is a body (a bureau, a centre: its own plan), not a government (人民政府, its 办公室/办公厅). */
export function issuedByBody(d: Pick<DocumentMeta, 'issuer'>): boolean {
  return Boolean(d.issuer) && !GOVERNMENT_ISSUER.test(d.issuer);
}

const GOVERNMENT_ISSUER = /(人民政府|政府)(办公室|办公厅)?$|政府办$/;
