import { RequestWithPrincipal } from '@app/auth';
import { RequestLoaders } from '@app/common/graphql';

/** What every resolver can reach: the request (with the caller) and this request's DataLoaders. */
export interface GraphqlContext {
  req: RequestWithPrincipal;
  loaders: RequestLoaders;
}
