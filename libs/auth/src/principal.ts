import { Role } from './role.enum';

/** Who is calling. `role: null` is the public caller (no Authorization header). */
export interface Principal {
  role: Role | null;
  keyId: string | null;
  keyName: string | null;
}

export const PUBLIC_PRINCIPAL: Principal = Object.freeze({ role: null, keyId: null, keyName: null });

/** The audit log's actor for a principal. Key ids, never key material. */
export function actorOf(p: Principal): string {
  return p.keyId ? `apikey:${p.keyId}` : 'public';
}
