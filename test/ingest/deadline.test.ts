import { describe, expect, it } from 'vitest';
import { normalizeDeadline } from '../../src/ingest/deadline.js';

const col = (t: string, y = 2016) => normalizeDeadline(t, y, 'column').deadline;
const txt = (t: string, y = 2019) => normalizeDeadline(t, y, 'text').deadline;

describe('normalizeDeadline', () => {
  it('finds each kind of relative limit (the scan reads only the patterns whose words a text holds)', () => {
    const raw = (t: string) => normalizeDeadline(t, 2019, 'text').raw;
    expect(raw('收到申请之日起15个工作日内予以答复')).toBe('收到申请之日起15个工作日内');
    expect(raw('最迟不超过20个工作日')).toBe('最迟不超过20个工作日');
    expect(raw('批复后的信息及时公开，项目批复后10日内公开')).toBe('项目批复后10日内');
    expect(raw('在决策前，向社会公开征求意见')).toBe('在决策前');
    expect(raw('提前5个工作日公告')).toBe('提前5个工作日');
    expect(raw('第一时间发布权威信息')).toBe('第一时间');
    expect(raw('在规定的时间内答复')).toBe('在规定的时间内');
    expect(raw('按照时间节点完成')).toBe('按照时间节点');
    expect(raw('全面公开预算信息')).toBe('');
  });
  it('dates the end of the month for X月底前, X月前 and X月', () => {
    expect(col('2016年12月底前完成')).toEqual({ kind: 'by', date: '2016-12-31' });
    expect(col('2016年7月前完成')).toEqual({ kind: 'by', date: '2016-07-31' });
    expect(col('2017年2月底前')).toEqual({ kind: 'by', date: '2017-02-28' });
    expect(col('6月底前', 2020)).toEqual({ kind: 'by', date: '2020-06-30' });
  });
  it('uses the plan year for 年底前 and the quarter end for 第1季度前', () => {
    expect(col('年底前', 2018)).toEqual({ kind: 'by', date: '2018-12-31' });
    expect(col('2017 年第1季度前完成')).toEqual({ kind: 'by', date: '2017-03-31' });
    expect(txt('7月中旬前在区财政局网站建立PPP项目信息专栏', 2016)).toEqual({ kind: 'by', date: '2016-07-20' });
  });
  it('keeps earlier dates as milestones and the last as the date', () => {
    expect(col('2016年7月 2017年1月')).toEqual({ kind: 'by', date: '2017-01-31', milestones: ['2016-07-31'] });
    expect(col('中考 3月高考 11月')).toEqual({ kind: 'by', date: '2016-11-30', milestones: ['2016-03-31'] });
  });
  it('reads year-round, periodic, relative and conditional words', () => {
    expect(col('全年工作')).toEqual({ kind: 'ongoing' });
    expect(txt('每季度公开食品抽检信息')).toEqual({ kind: 'periodic', every: 'quarter' });
    expect(txt('每年1月31日前公开年度报告')).toEqual({ kind: 'periodic', every: 'year' });
    expect(txt('通过政府网站按月或季度公开重点工作进展')).toEqual({ kind: 'periodic', every: 'quarter' });
    expect(txt('形成文件后3个工作日内公开').kind).toBe('relative');
    expect(col('按上级相关部门的部署完成').kind).toBe('conditional');
    expect(txt('待《管理办法》出台后严格执行').kind).toBe('conditional');
  });
  it('does not take manner adverbs, year scope or data fields for deadlines', () => {
    expect(txt('及时公开2019年度部门预算，明确办理时限')).toEqual({ kind: 'none' });
    expect(txt('以公开为常态、不公开为例外')).toEqual({ kind: 'none' });
    expect(txt('流行季节（4—10 月）发布监测结果')).toEqual({ kind: 'none' });
  });
  it('leaves a bare month undated when the plan year is unknown', () => {
    expect(normalizeDeadline('6月底前', null, 'column').deadline.kind).not.toBe('by');
  });
});
