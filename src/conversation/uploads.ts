import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { DocumentHint } from '../domain/document.js';
import { placesMeant, regionName } from '../domain/gazetteer.js';
import type { ParsedDocument } from '../ingest/parse-document.js';
import { MAX_BINARY_BYTES, SUPPORTED } from '../ingest/supported.js';
import type { Corpus } from '../search/corpus.js';
import type { KeyValueStore } from '../store/store.js';
import type { ButtonCodec } from './buttons.js';
import { duplicateOf } from './duplicate-plan.js';
import { echo } from './echo.js';
import type { PlanFolder } from './plan-folder.js';
import type { Button, Reply } from './types.js';

/** What the admin can correct in the preview. */
export type CorrectableField = 'region' | 'year';

export interface UploadSummary {
  text: string;
  buttons?: Button[][];
}

/** Who pressed a button, where, and on which message. */
export interface Presser {
  chatId: number;
  userId: number;
  messageId?: number;
}

/** What a button on a preview did: refused (a notice), or the preview's new text and whether to reload; `added` names a file put into the plan folder, now or before. */
export type Decision = { refused: string } | { text: string; buttons?: Button[][]; reload: boolean; added?: string };

/**
 * Uploaded plan files: checked and parsed before anything is written; kept in a staging folder of
 * the data directory until the uploader confirms, in the chat of the upload, for at most a day;
 * then added to the plan folder (a file of the same name only after a second confirmation, and
 * only by a bot admin). Nothing reaches the plan folder when parsing fails, nor a file whose
 * content an indexed plan already has, in any format. What was decided is kept (a day), so a
 * button pressed again, after a restart too, says what really happened.
 *
 * The preview shows what was read (title, issuer, region, year, layout, tasks per unit, warnings).
 * The uploader, in the chat of the upload, may correct the region and the year (改地区 / 改年份,
 * then a reply with the value): the file is read again with the correction, so its dates take the
 * right year, and on 加入索引 the correction is written into the seeds folder's catalog.json, the
 * same way an operator's catalog entry is, so a reload or a restart keeps it.
 */
export class Uploads {
  private readonly staging: string;

  constructor(
    private readonly store: KeyValueStore,
    dataDir: string,
    private readonly plans: PlanFolder,
    private readonly buttons: ButtonCodec,
    /** Reads a file for its preview: in a worker with a heap limit (the composed pool), else in this thread. */
    private readonly parse: (bytes: Uint8Array, name: string, hint: DocumentHint) => Promise<ParsedDocument> = readInThread,
  ) {
    this.staging = join(dataDir, 'uploads');
  }

  /**
   * Checks, downloads and parses a file; returns what it found, with buttons when it can be added.
   * A file repeating a plan of `indexed` under another name (duplicateOf) is refused, naming it.
   */
  async receive(file: { name: string; size?: number; chatId: number; userId: number }, download: () => Promise<Uint8Array>, indexed: Corpus): Promise<UploadSummary> {
    this.sweep();
    const name = basename(file.name || 'upload').replace(/[\\/:*?"<>|]/g, '_');
    const nameBytes = Buffer.byteLength(name);
    if (nameBytes > MAX_NAME_BYTES) return { text: `文件名过长（${nameBytes} 字节，最多 ${MAX_NAME_BYTES} 字节），没有读取。请改短文件名后重新发送。` };
    if (name.startsWith('.')) return { text: `不能上传以「.」开头的文件（${echo(name)}），没有读取。请改名后重新发送。` };
    if (!SUPPORTED.test(name) || /\.xls$/i.test(name)) {
      return { text: `不支持的文件类型：${name}。可以发送 .docx、.xlsx、.doc、.wps、.pdf 或 .txt 格式的工作方案。` };
    }
    if (file.size !== undefined && file.size > MAX_UPLOAD_BYTES) return { text: `文件过大（${(file.size / 1048576).toFixed(1)} MB），最大 ${MAX_UPLOAD_BYTES / 1048576} MB（机器人能从 Telegram 下载的上限）。请压缩或拆分后再发送。` };
    let bytes: Uint8Array;
    try {
      bytes = await download();
    } catch {
      // The error text is the transport's (it may carry URLs): the uploader gets a fixed one.
      return { text: '下载文件失败，请稍后重新发送。' };
    }
    // What the folder's catalog already says about a file of this name applies to the new one too.
    const cataloged = this.plans.hintFor(name);
    const parsed = await this.parse(bytes, name, cataloged);
    if (!parsed.meta) return { text: [`未能读取 ${name}，没有加入索引：`, ...parsed.warnings.map((w) => `• ${w.message}`)].join('\n') };
    const same = duplicateOf(indexed, { name, tasks: parsed.tasks });
    if (same) {
      const plan = `${same.title ? `「${same.title}」` : ''}（${[same.region, same.year ? `${same.year}年度` : '', `文件 ${same.doc}`].filter(Boolean).join('，')}）`;
      return { text: `${name} 与已收录的方案${plan}内容相同，没有重复加入。要换用这个文件，请先 /remove ${same.doc}。` };
    }
    const id = randomBytes(6).toString('base64url');
    mkdirSync(this.staging, { recursive: true });
    writeFileSync(join(this.staging, id), bytes);
    const pending: Pending = { name, chatId: file.chatId, userId: file.userId, at: new Date().toISOString(), hint: cataloged, corrected: [], cataloged: Object.keys(cataloged).length > 0 };
    this.store.write(NS, id, pending);
    return this.preview(id, pending, parsed);
  }

  /**
   * 改地区 / 改年份: asks the uploader for the value, as a message to reply to. Only the uploader, in
   * the chat of the upload, may correct it; anyone else gets a notice.
   */
  askCorrection(id: string, field: CorrectableField, by: Presser): { notice: string; replies?: Reply[] } {
    const pending = this.live(id);
    if (!pending) return { notice: GONE };
    if (pending.userId !== by.userId || pending.chatId !== by.chatId) return { notice: '只有上传这份文件的人可以修改。' };
    this.store.write(FIX_NS, fixKey(by.chatId, by.userId), { id, field, previewMessageId: by.messageId } satisfies Correction);
    const label = LABEL[field];
    return {
      notice: `请回复正确的${label}`,
      replies: [
        {
          text: field === 'region' ? '请回复这条消息，写出这份方案的地区，例如：江门市、亳州市谯城区。发送 /cancel 放弃修改。' : '请回复这条消息，写出这份方案的年度（四位数字），例如：2021。发送 /cancel 放弃修改。',
          forceReply: field === 'region' ? '地区，例如 江门市' : '年度，例如 2021',
        },
      ],
    };
  }

  /** Whether this user in this chat was asked for a correction and has not answered yet. */
  awaitsCorrection(chatId: number, userId: number): boolean {
    return Correction.safeParse(this.store.read(FIX_NS, fixKey(chatId, userId))).success;
  }

  /** Drops a pending question for a correction (the user sent a command instead). */
  cancelCorrection(chatId: number, userId: number): void {
    this.store.delete(FIX_NS, fixKey(chatId, userId));
  }

  /**
   * The uploader's answer to 改地区 / 改年份: reads the file again with the corrected value and
   * returns the updated preview (replacing the earlier one) and a line saying what changed. A value
   * that cannot be read asks again; undefined when no correction was asked for.
   */
  async answerCorrection(chatId: number, userId: number, text: string): Promise<Reply[] | undefined> {
    const asked = Correction.safeParse(this.store.read(FIX_NS, fixKey(chatId, userId)));
    if (!asked.success) return undefined;
    const { id, field, previewMessageId } = asked.data;
    const pending = this.live(id);
    const staged = join(this.staging, id);
    if (!pending || !existsSync(staged)) {
      this.cancelCorrection(chatId, userId);
      return [{ text: GONE }];
    }
    const value = field === 'year' ? readYear(text) : readRegion(text);
    if ('problem' in value) return [{ text: value.problem, forceReply: field === 'region' ? '地区，例如 江门市' : '年度，例如 2021' }];
    const hint = DocumentHint.parse({ ...pending.hint, [field]: value.value });
    const parsed = await this.parse(readFileSync(staged), pending.name, hint);
    if (!parsed.meta) return [{ text: [`按${LABEL[field]} ${value.value} 重新读取 ${pending.name} 失败：`, ...parsed.warnings.map((w) => `• ${w.message}`)].join('\n') }];
    const next: Pending = { ...pending, hint, corrected: [...new Set([...pending.corrected, field])] };
    this.store.write(NS, id, next);
    this.cancelCorrection(chatId, userId);
    const preview = this.preview(id, next, parsed);
    return [
      { ...preview, editMessageId: previewMessageId },
      { text: `已将${LABEL[field]}改为 ${value.value}${value.note ?? ''}，${previewMessageId ? '上面的预览已更新' : '预览已更新'}（${parsed.meta.taskCount} 项任务）。核对无误后请点「加入索引」。` },
    ];
  }

  /**
   * Acts on a button, for the uploader in the chat of the upload only: `add` puts the file into the
   * plan folder (asking once more before replacing a file of the same name, which only a bot admin
   * may) with its region and year corrections in catalog.json; `no` discards it. An upload decided
   * before (a button pressed again, after a restart too) says what was decided.
   */
  decide(op: 'add' | 'replace' | 'no', id: string, by: Presser & { isBotAdmin: boolean }): Decision {
    const decided = this.record(id);
    if (decided?.outcome === 'added') return { text: `${decided.name} 已加入文档目录（之前已确认）。`, reload: false, added: decided.name };
    if (decided?.outcome === 'cancelled') return { text: `已取消，${decided.name} 没有加入索引。`, reload: false };
    const pending = this.live(id);
    const staged = join(this.staging, id);
    if (!pending || !existsSync(staged)) return { text: GONE, reload: false };
    if (pending.userId !== by.userId || pending.chatId !== by.chatId) return { refused: '只有上传这份文件的人可以确认。' };
    if (op === 'no') {
      this.settle(id, pending, 'cancelled');
      return { text: `已取消，${pending.name} 没有加入索引。`, reload: false };
    }
    const bytes = readFileSync(staged);
    if (this.plans.has(pending.name) && !by.isBotAdmin) {
      this.settle(id, pending, 'cancelled');
      return { text: `已有同名文件 ${pending.name}：替换已收录的方案需要机器人管理员。${pending.name} 没有加入索引。`, reload: false };
    }
    const added = this.plans.add(pending.name, bytes, pending.hint, op === 'replace');
    if (!added.ok && added.reason === 'exists') {
      return {
        text: `已有同名文件 ${pending.name}。确认用新文件替换它吗？`,
        buttons: [[this.button('确认替换', 'replace', id), this.button('取消', 'no', id)]],
        reload: false,
      };
    }
    if (!added.ok) {
      return { text: `无法写入文档目录的 catalog.json（${added.message.slice(0, 100)}），${pending.name} 没有加入索引。请先修复 catalog.json 再试。`, reload: false };
    }
    this.settle(id, pending, 'added');
    const kept = pending.corrected.length ? `（${pending.corrected.map((f) => `${LABEL[f]} ${pending.hint[f]}`).join('、')} 已记入 catalog.json）` : '';
    return { text: `${pending.name} 已加入文档目录${kept}，正在重新加载索引……`, reload: true, added: pending.name };
  }

  private preview(id: string, pending: Pending, parsed: ParsedDocument): UploadSummary {
    return {
      text: summarize(pending, parsed, this.plans.has(pending.name)),
      buttons: [
        [this.button('加入索引', 'add', id), this.button('取消', 'no', id)],
        [this.button('改地区', 'region', id), this.button('改年份', 'year', id)],
      ],
    };
  }

  private button(text: string, op: 'add' | 'replace' | 'no' | 'region' | 'year', id: string): Button {
    return { text, data: this.buttons.encode({ kind: 'upload', op, id }) };
  }

  /** The upload as stored, decided or not. */
  private record(id: string): Pending | undefined {
    const parsed = Pending.safeParse(this.store.read(NS, id));
    return parsed.success ? parsed.data : undefined;
  }

  /** An upload still waiting for its decision; one staged longer than STAGED_MS is discarded. */
  private live(id: string): Pending | undefined {
    const pending = this.record(id);
    if (!pending || pending.outcome) return undefined;
    if (expired(pending)) {
      this.discard(id);
      return undefined;
    }
    return pending;
  }

  /** Records what was decided (the staged file is no longer needed). */
  private settle(id: string, pending: Pending, outcome: 'added' | 'cancelled'): void {
    rmSync(join(this.staging, id), { force: true });
    this.store.write(NS, id, { ...pending, outcome } satisfies Pending);
  }

  /** Forgets uploads (decided or not) older than STAGED_MS, and their staged files. */
  private sweep(): void {
    for (const { key } of this.store.list(NS)) {
      const pending = this.record(key);
      if (!pending || expired(pending)) this.discard(key);
    }
  }

  private discard(id: string): void {
    rmSync(join(this.staging, id), { force: true });
    this.store.delete(NS, id);
  }
}

/** A parsed upload waiting for an admin's 加入索引 / 取消, with the region and year given for it. */
const Pending = z.object({
  name: z.string(),
  chatId: z.number(),
  userId: z.number(),
  at: z.string(),
  hint: DocumentHint.default({}),
  corrected: z.array(z.enum(['region', 'year'])).default([]),
  cataloged: z.boolean().default(false),
  /** What the uploader decided; absent while waiting. */
  outcome: z.enum(['added', 'cancelled']).optional(),
});
type Pending = z.infer<typeof Pending>;

/** A question 改地区 / 改年份 asked, waiting for the uploader's answer. */
const Correction = z.object({ id: z.string(), field: z.enum(['region', 'year']), previewMessageId: z.number().int().optional() });
type Correction = z.infer<typeof Correction>;

function summarize(pending: Pending, parsed: ParsedDocument, replaces: boolean): string {
  const m = parsed.meta!;
  const mark = (f: CorrectableField) => (pending.corrected.includes(f) ? '（已修改）' : '');
  const perUnit = new Map<string, number>();
  for (const t of parsed.tasks) for (const u of t.lead) perUnit.set(u, (perUnit.get(u) ?? 0) + 1);
  const top = [...perUnit].sort((a, b) => b[1] - a[1]).slice(0, 10);
  const noLead = parsed.tasks.filter((t) => t.lead.length === 0).length;
  return [
    `读取了 ${pending.name}（${m.format}）：`,
    `标题：${m.title}`,
    `发文机关：${m.issuer || '未识别'}`,
    `地区：${m.region || '未识别'}${mark('region')}　年度：${m.year ?? '未识别'}${mark('year')}　任务：${m.taskCount} 项`,
    `版式：${m.layout}`,
    top.length ? `牵头单位任务数：${top.map(([u, n]) => `${u} ${n}`).join('、')}${perUnit.size > top.length ? ` 等 ${perUnit.size} 个单位` : ''}` : '',
    noLead ? `没有牵头单位的任务：${noLead} 项` : '',
    ...(parsed.warnings.length ? ['注意：', ...parsed.warnings.map((w) => `• ${w.message}`)] : []),
    pending.cataloged ? '（文档目录的 catalog.json 中已有这个文件名的设置，已一并使用）' : '',
    replaces ? `（已有同名文件，加入时会再次确认是否替换）` : '',
    '地区或年度不对？点「改地区」或「改年份」，再回复正确的值。',
    '加入索引后，所有人都可以查询这份方案。',
  ]
    .filter(Boolean)
    .join('\n');
}

function readYear(text: string): { value: number; note?: string } | { problem: string } {
  const m = /^((?:19|20)\d{2})\s*年?度?$/.exec(toAscii(text).trim());
  const year = m ? Number(m[1]) : NaN;
  if (!DocumentHint.shape.year.safeParse(year).success) return { problem: `没有看懂年度「${text.trim().slice(0, 20)}」。请回复四位数字的年份，例如 2021。` };
  return { value: year };
}

/** A region as typed, made a division's full name where it names exactly one (江门 → 江门市). */
function readRegion(text: string): { value: string; note?: string } | { problem: string } {
  const typed = text.replace(/\s+/g, '');
  if (!/^[\u4e00-\u9fff（）()]{2,30}$/.test(typed)) return { problem: `没有看懂地区「${text.trim().slice(0, 20)}」。请回复地区的名称，例如 江门市、亳州市谯城区。` };
  const places = placesMeant(typed);
  if (places.length === 1) return { value: regionName(places[0]) };
  if (places.length > 1) return { problem: `「${typed}」可能是：${places.map(regionName).join('、')}。请回复其中一个完整的名称。` };
  return { value: typed, note: '（行政区划中没有这个名称，按所写保存）' };
}

function toAscii(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

function expired(p: Pending): boolean {
  return !(Date.now() - Date.parse(p.at) <= STAGED_MS);
}

function fixKey(chatId: number, userId: number): string {
  return `${chatId}:${userId}`;
}

/** The largest file the Bot API lets a bot download (getFile), and so the largest upload. */
export const MAX_UPLOAD_BYTES = Math.min(20 * 1024 * 1024, MAX_BINARY_BYTES);
/** The longest file name a file system takes. */
const MAX_NAME_BYTES = 255;
/** How long an upload waits for its decision (and a decision is remembered). */
const STAGED_MS = 24 * 3600_000;
const GONE = '这个上传已处理或已过期（上传的文件保留 24 小时），请重新发送文件。';
const NS = 'uploads';
const FIX_NS = 'upload-fixes';
const LABEL: Record<CorrectableField, string> = { region: '地区', year: '年度' };

/** Reads a file in this thread, the parsers loaded on first use (start-up loads none). */
async function readInThread(bytes: Uint8Array, name: string, hint: DocumentHint): Promise<ParsedDocument> {
  return (await import('../ingest/read-document.js')).readDocument(bytes, name, hint);
}
