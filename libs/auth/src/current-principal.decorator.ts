import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Principal, PUBLIC_PRINCIPAL } from './principal';
import { requestOf } from './request-principal';

/** The caller, as the AuthGuard resolved it. */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Principal => requestOf(ctx).principal ?? PUBLIC_PRINCIPAL,
);
