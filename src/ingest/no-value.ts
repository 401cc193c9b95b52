/** A cell printed for no value: a dash or slash (/, —, －), 无, 暂无. */
export function isPlaceholder(cell: string): boolean {
  return PLACEHOLDER.test(cell);
}

/**
 * A time-limit cell holding a manner adverb alone (及时, 适时, 按时 …, maybe with 公开/发布): it says
 * how, not when — no time, as the gold conventions read 及时.
 */
export function isMannerOnly(cell: string): boolean {
  return MANNER_ONLY.test(cell);
}

const PLACEHOLDER = /^(?:[/／\\—－\-–一]+|无|暂无)$/;
const MANNER_ONLY = /^(?:及时|适时|随时|按时|按期|同步|抓紧|尽快)(?:公开|发布|完成|更新)?$/;
