import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import type { ParsedDocument } from '../ingest/parse-document.js';
import { readDocument, SUPPORTED, MAX_BINARY_BYTES } from '../ingest/read-document.js';
import type { KeyValueStore } from '../store/store.js';
import type { Button } from './types.js';

/** A parsed upload waiting for an admin's 加入索引 / 取消. */
const Pending = z.object({ name: z.string(), chatId: z.number(), userId: z.number(), at: z.string(), confirmedReplace: z.boolean() });
type Pending = z.infer<typeof Pending>;

export interface UploadSummary {
  text: string;
  buttons?: Button[][];
}

/**
 * Uploaded plan files: checked and parsed before anything is written; kept in a staging folder of
 * the data directory until an admin confirms; then moved into the seeds folder (a file of the same
 * name only after a second confirmation). Nothing reaches the seeds folder when parsing fails.
 */
export class Uploads {
  private readonly staging: string;

  constructor(
    private readonly store: KeyValueStore,
    dataDir: string,
    private readonly seedsDir: string,
  ) {
    this.staging = join(dataDir, 'uploads');
  }

  /** Checks, downloads and parses a file; returns what it found, with buttons when it can be added. */
  async receive(file: { name: string; size?: number; chatId: number; userId: number }, download: () => Promise<Uint8Array>): Promise<UploadSummary> {
    const name = basename(file.name || 'upload').replace(/[\\/:*?"<>|]/g, '_');
    if (!SUPPORTED.test(name) || /\.xls$/i.test(name)) {
      return { text: `不支持的文件类型：${name}。可以发送 .docx、.xlsx、.doc、.wps、.pdf 或 .txt 格式的工作方案。` };
    }
    if (file.size !== undefined && file.size > MAX_BINARY_BYTES) return { text: `文件过大（${(file.size / 1048576).toFixed(1)} MB），最大 ${MAX_BINARY_BYTES / 1048576} MB。` };
    let bytes: Uint8Array;
    try {
      bytes = await download();
    } catch (e) {
      return { text: `下载文件失败：${String((e as Error).message).slice(0, 100)}` };
    }
    const parsed = await readDocument(bytes, name);
    if (!parsed.meta) return { text: [`未能读取 ${name}，没有加入索引：`, ...parsed.warnings.map((w) => `• ${w.message}`)].join('\n') };
    const id = randomBytes(6).toString('base64url');
    mkdirSync(this.staging, { recursive: true });
    writeFileSync(join(this.staging, id), bytes);
    this.store.write('uploads', id, { name, chatId: file.chatId, userId: file.userId, at: new Date().toISOString(), confirmedReplace: false } satisfies Pending);
    return {
      text: summarize(name, parsed, existsSync(join(this.seedsDir, name))),
      buttons: [[{ text: '加入索引', data: `u:add:${id}` }, { text: '取消', data: `u:no:${id}` }]],
    };
  }

  /**
   * Acts on a button: `add` moves the file into the seeds folder (asking once more before replacing
   * a file of the same name), `no` discards it. Returns the new message text and whether to reload.
   */
  decide(op: string, id: string): { text: string; buttons?: Button[][]; reload: boolean } {
    const parsed = Pending.safeParse(this.store.read('uploads', id));
    const staged = join(this.staging, id);
    if (!parsed.success || !existsSync(staged)) return { text: '这个上传已处理或已过期。', reload: false };
    const pending = parsed.data;
    if (op === 'no') {
      this.discard(id);
      return { text: `已取消，${pending.name} 没有加入索引。`, reload: false };
    }
    const target = join(this.seedsDir, pending.name);
    if (existsSync(target) && op !== 'replace') {
      return {
        text: `已有同名文件 ${pending.name}。确认用新文件替换它吗？`,
        buttons: [[{ text: '确认替换', data: `u:replace:${id}` }, { text: '取消', data: `u:no:${id}` }]],
        reload: false,
      };
    }
    mkdirSync(this.seedsDir, { recursive: true });
    const tmp = `${target}.tmp-${id}`;
    writeFileSync(tmp, readFileSync(staged));
    renameSync(tmp, target);
    this.discard(id);
    return { text: `${pending.name} 已加入文档目录，正在重新加载索引……`, reload: true };
  }

  private discard(id: string): void {
    rmSync(join(this.staging, id), { force: true });
    this.store.delete('uploads', id);
  }
}

function summarize(name: string, parsed: ParsedDocument, replaces: boolean): string {
  const m = parsed.meta!;
  const perUnit = new Map<string, number>();
  for (const t of parsed.tasks) for (const u of t.lead) perUnit.set(u, (perUnit.get(u) ?? 0) + 1);
  const top = [...perUnit].sort((a, b) => b[1] - a[1]).slice(0, 10);
  return [
    `读取了 ${name}（${m.format}）：`,
    `标题：${m.title}`,
    `地区：${m.region || '未识别'}　年度：${m.year ?? '未识别'}　任务：${m.taskCount} 项`,
    top.length ? `牵头单位任务数：${top.map(([u, n]) => `${u} ${n}`).join('、')}${perUnit.size > top.length ? ` 等 ${perUnit.size} 个单位` : ''}` : '',
    ...(parsed.warnings.length ? ['注意：', ...parsed.warnings.map((w) => `• ${w.message}`)] : []),
    replaces ? `（已有同名文件，加入时会再次确认是否替换）` : '',
    '加入索引后，所有人都可以查询这份方案。',
  ]
    .filter(Boolean)
    .join('\n');
}
