import { Allow, CurrentPrincipal, Principal, PUBLIC } from '@app/auth';
import { Query, Resolver } from '@nestjs/graphql';
import { Viewer } from './viewer.type';

@Resolver(() => Viewer)
export class ViewerResolver {
  @Query(() => Viewer, { description: 'Who the API takes the caller to be (useful to check a key).' })
  @Allow(PUBLIC)
  viewer(@CurrentPrincipal() principal: Principal): Viewer {
    return { role: principal.role, keyName: principal.keyName };
  }
}
