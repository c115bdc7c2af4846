import { DisclosureKind } from './kinds';

/**
 * The order a reader sees each kind's fields in (columns of the CSV and of the HTML page, whose first column
 * names the party). Stored content is canonical (keys sorted, so the stored bytes are the hashed bytes), which
 * loses the order the builders wrote: the public view puts it back from here. Nested records (the summary's
 * per-measure and per-grade counts) likewise.
 */
export const DISCLOSURE_FIELD_ORDER: Readonly<Record<DisclosureKind, readonly string[]>> = {
  [DisclosureKind.PENALTY_NOTICE]: ['行政相对人', '违法行为', '处罚依据', '处罚内容', '决定书文号', '处罚机关', '决定日期', '公示截止日期'],
  [DisclosureKind.TYPICAL_CASES]: ['案例标题', '机构名称', '统一社会信用代码', '地区', '违法类型', '涉及金额', '行政处理', '协议处理', '追回情况', '处理机关', '决定书文号', '决定日期', '公示截止日期'],
  [DisclosureKind.TERMINATED_INSTITUTIONS]: ['机构名称', '统一社会信用代码', '地区', '解除日期', '解除原因', '协议依据', '决定书文号', '不得申请定点的期限'],
  [DisclosureKind.LIST_PUBLICATION]: ['主体', '名单', '列入事由', '依据', '列入日期', '计划移出日期'],
  [DisclosureKind.SUPERVISION_SUMMARY]: ['地区', '检查机构数', '处理机构数', '按处理方式', '追回金额', '罚款金额', '信用等级分布'],
};

const NESTED_ORDER: Readonly<Record<string, readonly string[]>> = {
  按处理方式: ['方式', '数量'],
  信用等级分布: ['等级', '数量'],
};

type Fields = Record<string, unknown>;

/** `fields` with the kind's order; a field the list does not name keeps its place after the named ones. */
export function fieldsInDisplayOrder<T extends Fields>(kind: DisclosureKind, fields: T): T {
  const out: Fields = {};
  for (const name of DISCLOSURE_FIELD_ORDER[kind] ?? []) if (Object.hasOwn(fields, name)) out[name] = nestedInOrder(name, fields[name]);
  for (const name of Object.keys(fields)) if (!Object.hasOwn(out, name)) out[name] = nestedInOrder(name, fields[name]);
  return out as T;
}

function nestedInOrder(name: string, value: unknown): unknown {
  const order = NESTED_ORDER[name];
  if (!order || !Array.isArray(value)) return value;
  return value.map((v) => {
    if (typeof v !== 'object' || v === null) return v;
    const record = v as Fields;
    const out: Fields = {};
    for (const key of order) if (Object.hasOwn(record, key)) out[key] = record[key];
    for (const key of Object.keys(record)) if (!Object.hasOwn(out, key)) out[key] = record[key];
    return out;
  });
}
