import { DomainError } from '@app/common';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ALLOW_KEY } from './allow.decorator';
import { ApiKeysService } from './api-keys.service';
import { Principal, PUBLIC_PRINCIPAL } from './principal';
import { requestOf } from './request-principal';
import { Audience, PUBLIC } from './role.enum';

/**
 * The one gate for every GraphQL operation and REST route. No Authorization header = the public caller;
 * a header with an unknown or revoked key = UNAUTHENTICATED (never silently public).
 * Missing role: UNAUTHENTICATED for the public caller (a key would help), FORBIDDEN for a keyed one.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeysService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const allowed = this.reflector.getAllAndOverride<Audience[] | undefined>(ALLOW_KEY, [ctx.getHandler(), ctx.getClass()]);
    if (!allowed) throw DomainError.forbidden('this operation declares no audience');
    const req = requestOf(ctx);
    const principal = req.principal ?? (await this.resolve(req.headers.authorization));
    req.principal = principal;
    if (allowed.includes(PUBLIC)) return true;
    if (principal.role && allowed.includes(principal.role)) return true;
    throw principal.role ? DomainError.forbidden() : DomainError.unauthenticated();
  }

  private async resolve(header: string | undefined): Promise<Principal> {
    if (header === undefined || header === '') return PUBLIC_PRINCIPAL;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const principal = match ? await this.keys.authenticate(match[1]) : null;
    if (!principal) throw DomainError.unauthenticated('the API key is unknown or revoked');
    return principal;
  }
}
