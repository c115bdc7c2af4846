import { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import { Principal } from './principal';

export type RequestWithPrincipal = Request & { principal?: Principal };

/** The HTTP request behind a REST or GraphQL call. */
export function requestOf(ctx: ExecutionContext): RequestWithPrincipal {
  if (ctx.getType<string>() === 'graphql') return GqlExecutionContext.create(ctx).getContext<{ req: RequestWithPrincipal }>().req;
  return ctx.switchToHttp().getRequest<RequestWithPrincipal>();
}
