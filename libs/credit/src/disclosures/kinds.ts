/** The kinds of disclosure (domain.md §6), their cadence and the public page titles. */
export enum DisclosureKind {
  PENALTY_NOTICE = 'PENALTY_NOTICE',
  TYPICAL_CASES = 'TYPICAL_CASES',
  SUPERVISION_SUMMARY = 'SUPERVISION_SUMMARY',
  TERMINATED_INSTITUTIONS = 'TERMINATED_INSTITUTIONS',
  LIST_PUBLICATION = 'LIST_PUBLICATION',
}

export enum DisclosureStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  SUPERSEDED = 'SUPERSEDED',
  WITHDRAWN = 'WITHDRAWN',
}

export type Cadence = 'MONTH' | 'QUARTER' | 'HALF_YEAR';

export const DISCLOSURE_CADENCE: Readonly<Record<DisclosureKind, Cadence>> = {
  [DisclosureKind.PENALTY_NOTICE]: 'MONTH',
  [DisclosureKind.TYPICAL_CASES]: 'QUARTER',
  [DisclosureKind.SUPERVISION_SUMMARY]: 'HALF_YEAR',
  [DisclosureKind.TERMINATED_INSTITUTIONS]: 'MONTH',
  [DisclosureKind.LIST_PUBLICATION]: 'MONTH',
};

/** The public page's titles (domain.md §6). */
export const DISCLOSURE_TITLES: Readonly<Record<DisclosureKind, string>> = {
  [DisclosureKind.PENALTY_NOTICE]: '行政处罚信息公示',
  [DisclosureKind.TYPICAL_CASES]: '典型案例曝光',
  [DisclosureKind.SUPERVISION_SUMMARY]: '医保基金监管工作情况',
  [DisclosureKind.TERMINATED_INSTITUTIONS]: '解除医保协议机构名单',
  [DisclosureKind.LIST_PUBLICATION]: '信用名单公示（严重失信 / 守信激励）',
};

export function isDisclosureKind(value: unknown): value is DisclosureKind {
  return typeof value === 'string' && (Object.values(DisclosureKind) as string[]).includes(value);
}

/** Parses `DISCLOSURE_AUTO_PUBLISH=KIND,KIND`; an unknown kind is an error. */
export function parseAutoPublishKinds(value: string): DisclosureKind[] {
  const kinds = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const k of kinds) if (!isDisclosureKind(k)) throw new Error(`unknown disclosure kind ${JSON.stringify(k)}`);
  return [...new Set(kinds as DisclosureKind[])];
}
