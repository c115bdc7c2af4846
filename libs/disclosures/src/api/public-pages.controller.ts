import { Allow, PUBLIC } from '@app/auth';
import { DomainError } from '@app/common';
import { AppConfig } from '@app/config';
import { isDisclosureKind, parsePeriod } from '@app/credit';
import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DisclosureReader } from '../disclosure-reader';
import { sendCached } from './http-cache';
import { PAGE_SECURITY_HEADERS, renderDisclosurePage, renderListPage, renderMessagePage } from './public-pages';

const HTML = 'text/html; charset=utf-8';
const PAGE_SIZE = 20;

/** A query parameter as one string ('' when absent; a repeated parameter is refused as '\0', never guessed). */
function one(value: unknown): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value.trim() : '\0';
}

/**
 * The public website (consumers.md, api-contract.md `GET /public`): HTML pages rendered on the server from the
 * same DisclosureReader views as the public JSON, no key needed. `/public` lists the published disclosures
 * (filters kind, region, period as GET fields; 20 a page, newest first, `after` cursor links); `/public/d/{id}`
 * shows one with its items. Cacheable like the JSON (strong ETag of the page, Cache-Control: public, max-age,
 * 304 on If-None-Match); a strict Content-Security-Policy and the other security headers on every answer.
 */
@Controller('public')
export class PublicPagesController {
  private readonly maxAge: number;

  constructor(
    private readonly reader: DisclosureReader,
    config: AppConfig,
  ) {
    this.maxAge = config.disclosures.cacheMaxAgeSeconds;
  }

  @Get()
  @Allow(PUBLIC)
  async list(@Query() query: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    const kind = one(query.kind);
    const region = one(query.region).toUpperCase();
    const period = one(query.period).toUpperCase();
    const after = one(query.after);
    const filters = { kind: isDisclosureKind(kind) ? kind : '', region, period, after: null, nodes: [], nextCursor: null };
    const problem =
      kind !== '' && !isDisclosureKind(kind)
        ? '公示类别不正确，请从列表中选择。'
        : region !== '' && !/^(\d{6}|ALL)$/.test(region)
          ? '地区代码应为六位数字（或 ALL）。'
          : period !== '' && parsePeriod(period) === null
            ? '期间应写作 2026-10、2026-Q3 或 2026-H2。'
            : null;
    if (problem) return this.error(res, 400, renderListPage({ ...filters, region: region.slice(0, 6), period: period.slice(0, 7), error: problem }));
    let page;
    try {
      page = await this.reader.page({ kind: kind === '' ? null : (kind as never), regionCode: region || null, period: period || null, first: PAGE_SIZE, after: after || null });
    } catch (e) {
      if (e instanceof DomainError) return this.error(res, 400, renderListPage({ ...filters, error: '翻页链接已失效，请从第一页重新浏览。' }));
      throw e;
    }
    const body = renderListPage({ ...filters, after: after || null, nodes: page.nodes, nextCursor: page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null, error: null });
    this.send(req, res, body);
  }

  @Get('d/:id')
  @Allow(PUBLIC)
  async one(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const rendered = await this.reader.one(id);
    if (!rendered) return this.error(res, 404, renderMessagePage('未找到该公示', '该公示不存在、尚未发布、已被替代或已过公示期。'));
    this.send(req, res, renderDisclosurePage(rendered.view));
  }

  private headers(res: Response): void {
    for (const [name, value] of Object.entries(PAGE_SECURITY_HEADERS)) res.setHeader(name, value);
  }

  private send(req: Request, res: Response, body: string): void {
    this.headers(res);
    sendCached(req, res, body, HTML, this.maxAge);
  }

  private error(res: Response, status: number, body: string): void {
    this.headers(res);
    res.setHeader('Cache-Control', 'no-store');
    res.status(status).type(HTML).send(body);
  }
}
