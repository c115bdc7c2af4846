import { DisclosureSummary } from './disclosure-reader';

/** XML text and attribute escaping (the five predefined entities; control characters XML 1.0 forbids removed). */
export function xmlEscape(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * An RFC 4287 Atom feed of published disclosures: one entry per published version (its id a tag URI of the
 * disclosure id and version, so a correction is a new entry), `updated` its publication moment.
 */
export function atomFeed(entries: readonly DisclosureSummary[], baseUrl: string, now: Date): string {
  const updated = entries.length > 0 && entries[0].publishedAt ? entries[0].publishedAt : now.toISOString();
  const e = (s: string) => xmlEscape(s);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${e(`${baseUrl}/public/feed.atom`)}</id>`,
    '  <title>医保基金监管信息公开</title>',
    `  <updated>${e(updated)}</updated>`,
    '  <author><name>医疗保障局</name></author>',
    `  <link rel="self" type="application/atom+xml" href="${e(`${baseUrl}/public/feed.atom`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${e(`${baseUrl}/public`)}"/>`,
  ];
  for (const d of entries) {
    const title = `${d.title} ${d.period}${d.regionCode ? ` ${d.regionCode}` : ''}${d.version > 1 ? `（第${d.version}版）` : ''}`;
    lines.push(
      '  <entry>',
      `    <id>${e(`tag:yibao-credit,2026:disclosure:${d.id}:v${d.version}`)}</id>`,
      `    <title>${e(title)}</title>`,
      `    <updated>${e(d.publishedAt ?? updated)}</updated>`,
      `    <link rel="alternate" type="text/html" href="${e(`${baseUrl}/public/d/${d.id}`)}"/>`,
      `    <link rel="alternate" type="application/json" href="${e(`${baseUrl}/public/disclosures/${d.id}`)}"/>`,
      `    <summary>${e(`${d.itemCount} 条${d.correctionNote ? `；${d.correctionNote}` : ''}`)}</summary>`,
      `    <category term="${e(d.kind)}"/>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
