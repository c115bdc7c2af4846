import { SetMetadata } from '@nestjs/common';
import { Audience } from './role.enum';

export const ALLOW_KEY = 'yibao:allow';

/**
 * Who may call an operation. Every resolver operation and REST route must say it: the guard refuses
 * anything without this metadata (fail closed), so a new endpoint is never public by accident.
 */
export const Allow = (...audiences: Audience[]): MethodDecorator & ClassDecorator => SetMetadata(ALLOW_KEY, audiences);
