/** The role a table column plays, recognised from its header words. */
export type ColumnRole = 'seq' | 'category' | 'requirement' | 'lead' | 'responsible' | 'units' | 'deadline' | 'note';

/**
 * Reads one header cell. Header words vary between documents (具体要求 / 细化分工 / 主要内容;
 * 牵头单位 / 责任科室 / 落实科室(部门); 完成时限 / 时限要求) and may be spaced out (具 体 要 求).
 * Returns undefined for a cell that is not a header word.
 */
export function headerRole(cell: string): ColumnRole | undefined {
  const t = cell.replace(/[\s\u3000]+/g, '').replace(/[（(][^）)]*[）)]$/, '');
  if (!t || t.length > 14) return undefined;
  if (/^(序号|编号|序|No\.?)$/i.test(t)) return 'seq';
  if (/^(牵头及责任|牵头和责任|牵头\/责任|责任及配合|牵头、责任|牵头与责任)(单位|部门)?$/.test(t)) return 'units';
  if (/内容和时间要求|内容及时限|要求及时限/.test(t)) return 'requirement';
  if (/^(完成)?(时限|时间)(要求)?$|^完成时限|^时间节点$|^完成期限$|^进度安排$|^时间安排$/.test(t)) return 'deadline';
  if (/牵头|主办|主责/.test(t)) return 'lead';
  if (/配合|协办|参与|落实单位|落实部门|落实科室|责任单位|责任部门|责任科室|责任处室|责任股室|责任人|承办|实施主体|责任主体|工作责任|负责单位|负责部门|责任领导/.test(t)) return 'responsible';
  if (/^(具体要求|细化分工|主要内容|工作要求|工作措施|具体内容|具体措施|目标任务|任务要求|具体任务|工作内容|公开内容|主要任务|重点任务内容|任务分解|工作目标|措施|任务内容|工作内容及要求|具体工作|具体工作任务|主要工作|工作举措|推进措施|落实措施|公开要求|主要内容及要求|工作任务及要求)$/.test(t)) return 'requirement';
  if (/^(工作任务|工作事项|任务|内容|项目|类别|重点工作|事项|工作|重点任务|任务名称|工作项目|分类|领域|公开事项)$/.test(t)) return 'category';
  if (/^备注$/.test(t)) return 'note';
  return undefined;
}

/**
 * Makes the column roles of one header consistent: a lone unit column is the lead column, a table
 * whose only text column is headed 任务 has it as the requirement.
 */
export function resolveRoles(roles: Array<ColumnRole | undefined>): Array<ColumnRole | undefined> {
  const out = [...roles];
  if (!out.includes('requirement')) {
    const texts = out.map((r, i) => (r === 'category' ? i : -1)).filter((i) => i >= 0);
    if (texts.length > 0) out[texts[texts.length - 1]] = 'requirement';
  }
  if (!out.includes('lead') && !out.includes('units')) {
    const i = out.indexOf('responsible');
    if (i >= 0) out[i] = 'lead';
  }
  return out;
}

/** A header needs a text column and at least one other recognised column. */
export function isHeader(roles: Array<ColumnRole | undefined>): boolean {
  const known = roles.filter(Boolean);
  const hasText = roles.includes('requirement') || roles.includes('category');
  const hasOther = roles.some((r) => r === 'lead' || r === 'responsible' || r === 'units' || r === 'deadline' || r === 'seq');
  return known.length >= 2 && hasText && hasOther && known.length * 2 >= roles.length;
}
