import { DomainError, HTTP_STATUS } from '@app/common';
import { maskResidentIdsIn } from '@app/credit';
import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';

/**
 * REST routes answer a DomainError as JSON `{ code, message, ...details }` with the matching HTTP status.
 * In GraphQL the error is handed back to Apollo, whose formatError maps it.
 */
@Catch(DomainError)
export class HttpErrorFilter implements ExceptionFilter<DomainError> {
  catch(error: DomainError, host: ArgumentsHost): unknown {
    if (host.getType<string>() !== 'http') return error;
    const res = host.switchToHttp().getResponse<Response>();
    return res.status(HTTP_STATUS[error.code]).json({ ...error.details, code: error.code, message: maskResidentIdsIn(error.message) });
  }
}
