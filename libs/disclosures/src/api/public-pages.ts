/*
 * The public website's HTML (consumers.md: a plain HTML view of the public disclosures, served by the service;
 * architecture.md 17): rendered on the server with the escaping `html` tag, no script, no client build, no
 * request to another origin. It renders the very views the public JSON serves (DisclosureReader), so masking
 * happened when the snapshot was built and nothing here reads the database. Only the presentation differs
 * from the JSON (domain.md §6): dates as 2026年11月3日, amounts in yuan with two decimals.
 * The one stylesheet is inline and allowed by its SHA-256 in the Content-Security-Policy (a nonce would make
 * every answer different and defeat the ETag).
 */
import { html, HtmlValue, rawHtml, SafeHtml } from '@app/common/html';
import { chineseDate, DISCLOSURE_TITLES, DisclosureKind, shanghaiDate } from '@app/credit';
import { createHash } from 'node:crypto';
import { DisclosureSummary, DisclosureView } from '../disclosure-reader';

export const SITE_NAME = '医保基金监管信息公开';

const CSS = `
:root{color-scheme:light;--fg:#1f2328;--muted:#57606a;--line:#d0d7de;--accent:#0b5cad;--warn-bg:#fff4e5;--warn:#8a4b00;--note-bg:#eef6ff}
*{box-sizing:border-box}
body{margin:0;font-family:"PingFang SC","Hiragino Sans GB","Microsoft YaHei","WenQuanYi Micro Hei","Noto Sans CJK SC",sans-serif;color:var(--fg);line-height:1.6;font-size:16px;background:#fff}
a{color:var(--accent)}
a:focus-visible,summary:focus-visible,[tabindex]:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid #f0a000;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:1}
header.site{background:#0b3d6e;color:#fff;padding:.75rem 1rem}
header.site a{color:#fff;text-decoration:none;font-weight:bold;font-size:1.15rem}
header.site p{margin:0}
nav.crumbs{padding:.5rem 1rem;border-bottom:1px solid var(--line);font-size:.95rem}
nav.crumbs ol{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem .5rem}
nav.crumbs li+li::before{content:"›";margin-right:.5rem;color:var(--muted)}
main{max-width:72rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.5rem 0}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
.sub{color:var(--muted);margin:.25rem 0 1rem}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}
dl.meta dt{color:var(--muted)}dl.meta dd{margin:0;overflow-wrap:anywhere}
.note{background:var(--note-bg);border-left:4px solid var(--accent);padding:.5rem .75rem;margin:1rem 0}
.alert{background:var(--warn-bg);border-left:4px solid var(--warn);padding:.5rem .75rem;margin:1rem 0}
.table-wrap{overflow-x:auto;-webkit-overflow-scrolling:touch;border:1px solid var(--line);border-radius:4px}
table{border-collapse:collapse;width:100%;min-width:52rem}
caption{text-align:left;font-weight:bold;padding:.5rem .75rem}
th,td{border-top:1px solid var(--line);padding:.5rem .75rem;text-align:left;vertical-align:top}
thead th{background:#f6f8fa;white-space:nowrap}
td.num{white-space:nowrap;text-align:right}
td.date{white-space:nowrap}
tbody th,tbody td{min-width:6.5em}
tr.withdrawn td{background:var(--warn-bg);color:var(--warn)}
form.filters{display:flex;flex-wrap:wrap;gap:.75rem 1rem;align-items:flex-end;margin:0 0 1rem}
form.filters label{display:flex;flex-direction:column;font-size:.95rem}
form.filters input,form.filters select,form.filters button{font:inherit;padding:.35rem .5rem;border:1px solid var(--line);border-radius:4px;min-height:2.5rem}
form.filters button{background:var(--accent);color:#fff;border-color:var(--accent);cursor:pointer}
.hint{color:var(--muted);font-size:.9rem;margin:.25rem 0}
nav.pages ul,ul.links{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem}
footer{border-top:1px solid var(--line);color:var(--muted);font-size:.9rem;padding:1rem;max-width:72rem;margin:2rem auto 0}
code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em;overflow-wrap:anywhere}
`.trim();

/** The stylesheet's CSP source: the page's only inline content allowed. */
export const STYLE_HASH = `'sha256-${createHash('sha256').update(CSS, 'utf8').digest('base64')}'`;

/** Headers of every HTML answer (also 304s and errors): nothing but this origin's own markup and the hashed style. */
export const PAGE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': [
    "default-src 'none'",
    `style-src ${STYLE_HASH}`,
    "img-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Item fields that hold an amount in yuan (two decimals already): shown with 元 in the header. */
const AMOUNT_FIELDS = new Set(['涉及金额', '追回金额', '罚款金额']);
const CN_NUMBERS = ['一', '二', '三', '四'];

/** `2026-10` → 2026年10月, `2026-Q3` → 2026年第三季度, `2026-H2` → 2026年下半年. */
export function periodWords(label: string): string {
  let m = /^(\d{4})-(\d{2})$/.exec(label);
  if (m) return `${m[1]}年${Number(m[2])}月`;
  m = /^(\d{4})-Q([1-4])$/.exec(label);
  if (m) return `${m[1]}年第${CN_NUMBERS[Number(m[2]) - 1]}季度`;
  m = /^(\d{4})-H([12])$/.exec(label);
  if (m) return `${m[1]}年${m[2] === '1' ? '上' : '下'}半年`;
  return label;
}

/** Amounts written in prose (罚款2541元, 罚款2541.5元) with two decimals (罚款2541.00元), exactly. */
export function yuanInProse(text: string): string {
  return text.replace(/(?<![\d.])(\d+)(?:\.(\d{1,2}))?元/g, (_, whole: string, frac: string | undefined) => `${whole}.${(frac ?? '').padEnd(2, '0')}元`);
}

function regionWords(regionCode: string | null): string {
  return regionCode ? `地区代码 ${regionCode}` : '全部地区';
}

/** The link text of a disclosure: says where it goes (title, period, region, version). */
export function disclosureLinkText(d: Pick<DisclosureSummary, 'title' | 'period' | 'regionCode' | 'version'>): string {
  return `${d.title}（${periodWords(d.period)}${d.regionCode ? `，地区代码 ${d.regionCode}` : ''}${d.version > 1 ? `，第${d.version}版` : ''}）`;
}

function publishedOn(iso: string | null): string {
  return iso ? chineseDate(shanghaiDate(new Date(iso))) : '';
}

/** A value of an item field in words: ISO dates as 年月日, prose amounts with two decimals, lists joined. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' && v !== null ? Object.values(v as object).map(String).join('：') : cellText(v))).join('；');
  const text = String(value);
  if (ISO_DATE.test(text)) return chineseDate(text);
  return yuanInProse(text);
}

/** The 64 hex digits of a content hash in groups of eight (readable to compare; never a run of 18 digits). */
function groupedHash(hex: string): string {
  return hex.replace(/(.{8})(?=.)/g, '$1 ');
}

interface Layout {
  title: string;
  crumbs: { href?: string; text: string }[];
  main: SafeHtml;
}

function page({ title, crumbs, main }: Layout): string {
  const trail = crumbs.map((c, i) => (c.href && i < crumbs.length - 1 ? html`<li><a href="${c.href}">${c.text}</a></li>` : html`<li aria-current="page">${c.text}</li>`));
  return `<!DOCTYPE html>\n${html`<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title} - ${SITE_NAME}</title>
<link rel="alternate" type="application/atom+xml" title="${SITE_NAME}（Atom 订阅）" href="/public/feed.atom">
<style>${rawHtml(CSS)}</style>
</head>
<body>
<a class="skip" href="#content">跳到正文</a>
<header class="site"><p><a href="/public">${SITE_NAME}</a></p></header>
<nav class="crumbs" aria-label="当前位置"><ol>${trail}</ol></nav>
<main id="content">
${main}
</main>
<footer>
<p>本页面与公开数据接口内容相同：<a href="/public/disclosures">公示列表（JSON 数据）</a>，<a href="/public/feed.atom">新发布公示订阅（Atom）</a>。</p>
<p>自然人仅显示姓氏加“某”及身份，不公开身份证号码、联系方式、住址或健康信息。条目到公示截止日期后不再显示；撤销的决定以撤回公告代替。</p>
</footer>
</body>
</html>`}\n`;
}

export interface ListPageInput {
  kind: string;
  region: string;
  period: string;
  after: string | null;
  nodes: readonly DisclosureSummary[];
  nextCursor: string | null;
  error: string | null;
}

function listHref(filters: { kind: string; region: string; period: string }, after?: string | null): string {
  const q = new URLSearchParams();
  if (filters.kind) q.set('kind', filters.kind);
  if (filters.region) q.set('region', filters.region);
  if (filters.period) q.set('period', filters.period);
  if (after) q.set('after', after);
  const s = q.toString();
  return s ? `/public?${s}` : '/public';
}

/** `/public`: published disclosures newest first, filtered by plain GET form fields, paged by links. */
export function renderListPage(input: ListPageInput): string {
  const kinds = Object.values(DisclosureKind).map((k) => html`<option value="${k}"${input.kind === k ? rawHtml(' selected') : ''}>${DISCLOSURE_TITLES[k]}</option>`);
  const filtered = input.kind !== '' || input.region !== '' || input.period !== '';
  const rows = input.nodes.map(
    (d) => html`<tr>
<th scope="row"><a href="/public/d/${d.id}">${disclosureLinkText(d)}</a>${d.correctionNote ? html`<br><small>已更正</small>` : ''}</th>
<td>${periodWords(d.period)}</td>
<td>${regionWords(d.regionCode)}</td>
<td class="num">${d.itemCount}</td>
<td>${publishedOn(d.publishedAt)}</td>
<td>${chineseDate(d.publicationEnd)}</td>
</tr>`,
  );
  const table =
    input.nodes.length === 0
      ? html`<p>${filtered ? '没有符合筛选条件的公示。' : '目前没有正在公示的信息。'}</p>`
      : html`<div class="table-wrap" role="region" aria-labelledby="list-caption" tabindex="0"><table>
<caption id="list-caption">正在公示的信息（按发布时间从新到旧）${input.after ? '，续页' : ''}</caption>
<thead><tr><th scope="col">公示</th><th scope="col">期间</th><th scope="col">地区</th><th scope="col">条目数</th><th scope="col">发布日期</th><th scope="col">公示截止日期</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>`;
  const pager: HtmlValue[] = [];
  if (input.after) pager.push(html`<li><a href="${listHref(input)}">回到第一页</a></li>`);
  if (input.nextCursor) pager.push(html`<li><a href="${listHref(input, input.nextCursor)}" rel="next">下一页（更早发布的公示）</a></li>`);
  const main = html`<h1>医保基金监管公示</h1>
<p class="sub">行政处罚信息、典型案例、监管工作情况、解除医保协议机构名单和信用名单的公开信息。</p>
${input.error ? html`<p class="alert" role="alert">${input.error}</p>` : ''}
<section aria-labelledby="filter-heading">
<h2 id="filter-heading">筛选</h2>
<form class="filters" method="get" action="/public">
<label>公示类别<select name="kind"><option value="">全部类别</option>${kinds}</select></label>
<label>地区代码<input name="region" value="${input.region}" inputmode="numeric" maxlength="6" placeholder="如 120000" aria-describedby="region-hint"></label>
<label>期间<input name="period" value="${input.period}" maxlength="7" placeholder="如 2026-10" aria-describedby="period-hint"></label>
<button type="submit">筛选</button>
${filtered ? html`<a href="/public">清除筛选</a>` : ''}
</form>
<p class="hint" id="region-hint">地区代码为六位行政区划代码；填 ALL 只看覆盖全部地区的公示。</p>
<p class="hint" id="period-hint">期间写作 2026-10（月）、2026-Q3（季度）或 2026-H2（半年）。</p>
</section>
<section aria-labelledby="list-heading">
<h2 id="list-heading">公示列表</h2>
${table}
${pager.length ? html`<nav class="pages" aria-label="翻页"><ul>${pager}</ul></nav>` : ''}
</section>`;
  return page({ title: '医保基金监管公示', crumbs: [{ text: '公示列表' }], main });
}

/** `/public/d/{id}`: one disclosure with its items; a withdrawn item is its 撤回公告, across the row. */
export function renderDisclosurePage(view: DisclosureView): string {
  const fieldNames: string[] = [];
  for (const item of view.items) if (!item.withdrawn) for (const f of Object.keys(item.fields)) if (!fieldNames.includes(f)) fieldNames.push(f);
  const columns = fieldNames.length ? fieldNames : ['公示内容'];
  const header = columns.map((f) => html`<th scope="col">${AMOUNT_FIELDS.has(f) ? `${f}（元）` : f}</th>`);
  const rows = view.items.map((item) => {
    if (item.withdrawn) return html`<tr class="withdrawn"><td colspan="${columns.length}"><strong>${item.notice}</strong>：本条信息已于${chineseDate(item.withdrawnOn)}撤回，撤回原因：${item.reason}。</td></tr>`;
    const cells = columns.map((f, i) => {
      const raw = item.fields[f];
      const text = cellText(raw);
      const cls = AMOUNT_FIELDS.has(f) ? rawHtml(' class="num"') : typeof raw === 'string' && ISO_DATE.test(raw) ? rawHtml(' class="date"') : '';
      return i === 0 ? html`<th scope="row">${text}</th>` : html`<td${cls}>${text}</td>`;
    });
    return html`<tr>${cells}</tr>`;
  });
  const linkText = disclosureLinkText(view);
  const items =
    view.items.length === 0
      ? html`<p>本公示目前没有在公示期内的条目。</p>`
      : html`<div class="table-wrap" role="region" aria-labelledby="items-caption" tabindex="0"><table>
<caption id="items-caption">${view.title}条目（${periodWords(view.period)}，共${view.items.length}条）</caption>
<thead><tr>${header}</tr></thead>
<tbody>${rows}</tbody>
</table></div>`;
  const main = html`<h1>${view.title}</h1>
<p class="sub">${periodWords(view.period)} · ${regionWords(view.regionCode)}${view.version > 1 ? ` · 第${view.version}版` : ''}</p>
${view.correctionNote ? html`<p class="note" role="note">${view.correctionNote}</p>` : ''}
<section aria-labelledby="meta-heading">
<h2 id="meta-heading">公示信息</h2>
<dl class="meta">
<dt>公示期间</dt><dd>${chineseDate(view.periodStart)}至${chineseDate(view.periodEnd)}</dd>
<dt>地区</dt><dd>${regionWords(view.regionCode)}</dd>
<dt>发布日期</dt><dd>${publishedOn(view.publishedAt)}</dd>
<dt>公示截止日期</dt><dd>${chineseDate(view.publicationEnd)}</dd>
<dt>版本</dt><dd>第${view.version}版</dd>
<dt>内容摘要（SHA-256）</dt><dd><code>${groupedHash(view.contentHash)}</code></dd>
</dl>
</section>
<section aria-labelledby="items-heading">
<h2 id="items-heading">公示条目</h2>
${items}
</section>
<section aria-labelledby="data-heading">
<h2 id="data-heading">数据下载</h2>
<ul class="links">
<li><a href="/public/disclosures/${view.id}/items.csv">下载本公示条目（CSV 表格）</a></li>
<li><a href="/public/disclosures/${view.id}">本公示的 JSON 数据</a></li>
</ul>
</section>`;
  return page({ title: linkText, crumbs: [{ href: '/public', text: '公示列表' }, { text: linkText }], main });
}

/** A page for a request that cannot be answered (unknown disclosure, bad filter): same layout, a link back. */
export function renderMessagePage(title: string, message: string): string {
  const main = html`<h1>${title}</h1>
<p>${message}</p>
<p><a href="/public">返回公示列表</a></p>`;
  return page({ title, crumbs: [{ href: '/public', text: '公示列表' }, { text: title }], main });
}
