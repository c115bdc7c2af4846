import { ApiKeysService, Principal, RequestWithPrincipal } from '@app/auth';

/** Whose budget a request draws on: an API key's, or the caller's IP for the public (or an unknown key). */
export interface Bucket {
  role: 'PUBLIC' | NonNullable<Principal['role']>;
  key: string;
}

/**
 * Resolves the caller once, before the guard runs (the guard reuses `req.principal`), so that the cost can be
 * charged before anything executes. An unknown or revoked key is charged to its IP at the public budget (a
 * flood of made-up keys costs database look-ups) and left for the guard to refuse as UNAUTHENTICATED.
 */
export async function bucketOf(req: RequestWithPrincipal, keys: ApiKeysService): Promise<Bucket> {
  if (!req.principal) {
    const header = req.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    const principal = match ? await keys.authenticate(match[1]) : null;
    if (principal) req.principal = principal;
  }
  const p = req.principal;
  if (p?.role && p.keyId) return { role: p.role, key: `key:${p.keyId}` };
  return { role: 'PUBLIC', key: `ip:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}` };
}
