import { escapeHtml, html, rawHtml, SafeHtml } from './html';

describe('html tag', () => {
  it('escapes every interpolated string, in text and in attributes', () => {
    const name = '<script>alert(1)</script>';
    const attr = '"><img src=x onerror=alert(1)>';
    const out = html`<td title="${attr}">${name}</td>`.toString();
    expect(out).toBe('<td title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">&lt;script&gt;alert(1)&lt;/script&gt;</td>');
    expect(out).not.toMatch(/<script|<img/);
    expect(html`<p>${"it's & <b>"}</p>`.toString()).toBe('<p>it&#39;s &amp; &lt;b&gt;</p>');
  });

  it('keeps nested fragments, renders arrays item by item, and nothing for null, undefined and false', () => {
    const rows = ['a<', 'b>'].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${rows}</ul>`.toString()).toBe('<ul><li>a&lt;</li><li>b&gt;</li></ul>');
    expect(html`${null}${undefined}${false}${0}${12n}`.toString()).toBe('012');
    expect(html`${['<i>', html`<i>`]}`.toString()).toBe('&lt;i&gt;<i>');
  });

  it('a look-alike object is not trusted: only fragments made by the tag are', () => {
    const fake = { toString: () => '<b>' } as unknown as string;
    expect(html`${fake}`.toString()).toBe('&lt;b&gt;');
    expect(html`${rawHtml('<b>')}`.toString()).toBe('<b>');
    expect(html`x` instanceof SafeHtml).toBe(true);
  });

  it('drops control characters', () => {
    expect(escapeHtml('a\u0000b\u0007c\nd')).toBe('abc\nd');
  });
});
