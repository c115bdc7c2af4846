import { Global, Module } from '@nestjs/common';
import { RateLimiterService } from './rate-limit/rate-limiter.service';

/** The API's rate limiter, global so the GraphQL options factory and the HTTP set-up can reach it. */
@Global()
@Module({ providers: [RateLimiterService], exports: [RateLimiterService] })
export class SecurityModule {}
