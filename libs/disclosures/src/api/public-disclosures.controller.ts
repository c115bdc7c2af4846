import { Allow, PUBLIC } from '@app/auth';
import { DomainError } from '@app/common';
import { AppConfig } from '@app/config';
import { isDisclosureKind } from '@app/credit';
import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { atomFeed } from '../atom';
import { DisclosureReader, itemsCsv, RenderedView } from '../disclosure-reader';
import { sendCached } from './http-cache';

const FEED_ENTRIES = 50;

/**
 * The public website's JSON (api-contract.md): published, unexpired disclosures only, masked when built. Every
 * answer has a strong ETag (SHA-256 of the body) and Cache-Control: public, max-age; If-None-Match gives 304.
 */
@Controller('public')
export class PublicDisclosuresController {
  private readonly maxAge: number;

  constructor(
    private readonly reader: DisclosureReader,
    config: AppConfig,
  ) {
    this.maxAge = config.disclosures.cacheMaxAgeSeconds;
  }

  @Get('disclosures')
  @Allow(PUBLIC)
  async list(
    @Query('kind') kind: string | undefined,
    @Query('region') region: string | undefined,
    @Query('regionCode') regionCode: string | undefined,
    @Query('period') period: string | undefined,
    @Query('first') first: string | undefined,
    @Query('after') after: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (kind !== undefined && !isDisclosureKind(kind)) throw DomainError.badInput('unknown disclosure kind', { field: 'kind', reason: 'UNKNOWN_KIND' });
    const size = first === undefined ? undefined : Number(first);
    if (size !== undefined && !Number.isInteger(size)) throw DomainError.badInput('first is a whole number', { field: 'first', reason: 'INVALID_NUMBER' });
    const page = await this.reader.page({ kind: kind ?? null, regionCode: region ?? regionCode ?? null, period: period ?? null, first: size, after: after ?? null });
    const links = page.nodes.map((n) => ({ ...n, href: `/public/disclosures/${n.id}`, csv: `/public/disclosures/${n.id}/items.csv` }));
    this.send(req, res, JSON.stringify({ nodes: links, pageInfo: page.pageInfo }), 'application/json; charset=utf-8');
  }

  @Get('disclosures/:id')
  @Allow(PUBLIC)
  async one(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const rendered = await this.found(id);
    this.send(req, res, rendered.body, 'application/json; charset=utf-8', rendered.etag);
  }

  @Get('disclosures/:id/items.csv')
  @Allow(PUBLIC)
  async csv(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const rendered = await this.found(id);
    res.setHeader('Content-Disposition', `attachment; filename="disclosure-${rendered.view.id}-v${rendered.view.version}.csv"`);
    this.send(req, res, itemsCsv(rendered.view), 'text/csv; charset=utf-8');
  }

  @Get('feed.atom')
  @Allow(PUBLIC)
  async atom(@Req() req: Request, @Res() res: Response): Promise<void> {
    const entries = await this.reader.latestPublished(FEED_ENTRIES);
    const base = `${req.protocol}://${req.get('host') ?? 'localhost'}`;
    this.send(req, res, atomFeed(entries, base, new Date()), 'application/atom+xml; charset=utf-8');
  }

  private async found(id: string): Promise<RenderedView> {
    const rendered = await this.reader.one(id);
    if (!rendered) throw DomainError.notFound('no published disclosure with this id', { field: 'id' });
    return rendered;
  }

  private send(req: Request, res: Response, body: string, type: string, etag?: string): void {
    sendCached(req, res, body, type, this.maxAge, etag);
  }
}
