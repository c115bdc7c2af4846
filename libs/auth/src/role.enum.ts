import { registerEnumType } from '@nestjs/graphql';

/** The callers of consumers.md. The public caller has no key and no role: see PUBLIC. */
export enum Role {
  REGULATOR = 'REGULATOR',
  NDRC = 'NDRC',
  BUDGET = 'BUDGET',
  AUDITOR = 'AUDITOR',
}

/** Marks an operation open to everyone, including callers without a key. */
export const PUBLIC = 'PUBLIC' as const;
export type Audience = Role | typeof PUBLIC;

registerEnumType(Role, { name: 'Role', description: 'The role an API key acts in (consumers.md).' });

export function parseRole(value: string): Role | null {
  return (Object.values(Role) as string[]).includes(value) ? (value as Role) : null;
}
