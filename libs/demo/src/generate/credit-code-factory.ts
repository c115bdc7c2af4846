import { CREDIT_CODE_ALPHABET, makeCreditCode, organizationCodeCheckChar } from '@app/credit';
import { Prng } from '../random/prng';

/**
 * Registration authority and category (positions 1–2 of GB 32100) by kind of organisation:
 * 12 事业单位 (public hospitals), 52 民办非企业单位 (private non-profit hospitals), 91 enterprise, 92 个体工商户.
 */
export type CreditCodeCategory = '12' | '52' | '91' | '92';

// The organisation code 组织机构代码 allows 0-9A-Z and the credit code alphabet excludes I, O, S, V, Z: a body
// drawn from the latter fits both.
const LAST_CHAR = CREDIT_CODE_ALPHABET.length - 1;

/**
 * Unique, valid unified social credit codes. Positions 3–8 are the organisation's district, and the embedded
 * organisation code carries its own GB 11714 check character, so the codes pass the strict check too.
 */
export class CreditCodeFactory {
  private readonly issued = new Set<string>();

  make(rng: Prng, category: CreditCodeCategory, regionCode: string): string {
    for (;;) {
      const code = makeCreditCode(category + regionCode + this.organisationCode(rng));
      // A collision is about one in a billion per pair; drawing again keeps the output deterministic.
      if (!this.issued.has(code)) {
        this.issued.add(code);
        return code;
      }
    }
  }

  private organisationCode(rng: Prng): string {
    let body = '';
    for (let i = 0; i < 8; i++) body += CREDIT_CODE_ALPHABET[rng.int(0, LAST_CHAR)];
    return body + organizationCodeCheckChar(body);
  }
}
