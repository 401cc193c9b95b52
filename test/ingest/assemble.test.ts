import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/ingest/read-document.js';
import { docxTable } from '../fixtures/office-tables.js';
import { taskFields, textTasks } from './task-fields.js';

const TITLE = '某县2021年政务公开工作任务分工';
const NONE = { kind: 'none' };

describe('assemble: seq', () => {
  it('is the path (一)/1 where the numbering restarts under each heading, in the printed brackets', () => {
    const text = [TITLE, '工作任务\t具体要求\t责任单位', '(一)推进预算公开\t1.公开部门预算。\t县财政局', '\t2.公开部门决算。\t县审计局', '(二)推进决策公开\t1.公开重大决策草案。\t县司法局'].join('\n');
    expect(textTasks(text)).toEqual([
      ['(一)/1', '', '推进预算公开', '公开部门预算。', ['县财政局'], [], NONE],
      ['(一)/2', '', '推进预算公开', '公开部门决算。', ['县审计局'], [], NONE],
      ['(二)/1', '', '推进决策公开', '公开重大决策草案。', ['县司法局'], [], NONE],
    ]);
  });

  it('is the path in a .docx table too, 序号 under 一、 headings restarting', async () => {
    const bytes = await docxTable(TITLE, ['序号', '具体要求', '牵头单位'], [
      ['一、推进预算公开', '', ''],
      ['1', '公开部门预算。', '县财政局'],
      ['2', '公开部门决算。', '县审计局'],
      ['二、推进决策公开', '', ''],
      ['1', '公开重大决策草案。', '县司法局'],
    ]);
    expect((await readDocument(bytes, 'plan.docx')).tasks.map(taskFields)).toEqual([
      ['一/1', '', '推进预算公开', '公开部门预算。', ['县财政局'], [], NONE],
      ['一/2', '', '推进预算公开', '公开部门决算。', ['县审计局'], [], NONE],
      ['二/1', '', '推进决策公开', '公开重大决策草案。', ['县司法局'], [], NONE],
    ]);
  });

  it('is the printed number alone where the numbering runs on across headings', () => {
    const text = [TITLE, '工作任务\t具体要求\t责任单位', '一、推进预算公开\t1.公开部门预算。\t县财政局', '\t2.公开部门决算。\t县审计局', '二、推进决策公开\t3.公开重大决策草案。\t县司法局'].join('\n');
    expect(textTasks(text).map((t) => t.slice(0, 3))).toEqual([
      ['1', '', '推进预算公开'],
      ['2', '', '推进预算公开'],
      ['3', '', '推进决策公开'],
    ]);
  });

  it('is the row order in a table with no numbering at all', () => {
    const text = [TITLE, '工作要点\t具体要求\t任务分工', '预算公开\t公开部门预算。\t县财政局', '\t公开部门决算。\t县审计局', '决策公开\t公开重大决策草案。\t县司法局'].join('\n');
    expect(textTasks(text).map((t) => t.slice(0, 3))).toEqual([
      ['1', '', '预算公开'],
      ['2', '', '预算公开'],
      ['3', '', '决策公开'],
    ]);
  });
});
