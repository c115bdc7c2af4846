/** The lists of domain.md §5. The string values are part of the public API (GraphQL enums, the NDRC feeds). */
export enum ListKind {
  /** 严重失信主体名单 / 失信联合惩戒对象 */
  SEVERE_DISHONESTY = 'SEVERE_DISHONESTY',
  /** 守信联合激励对象 */
  GOOD_CONDUCT = 'GOOD_CONDUCT',
  /** 重点监管名单 */
  KEY_SUPERVISION = 'KEY_SUPERVISION',
}

/**
 * Severity of the information behind an entry, which decides its publication period and how soon it can be
 * repaired (发改委令第36号: general 3 months–1 year, severe 1–3 years). Minor information is never listed.
 */
export enum ListSeverity {
  GENERAL = 'GENERAL',
  SEVERE = 'SEVERE',
}
