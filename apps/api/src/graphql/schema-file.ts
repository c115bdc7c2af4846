import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { join } from 'node:path';

export const SCHEMA_FILE = join(__dirname, '../../../../schema.gql');

/** The committed SDL: sorted, so that a diff shows only real changes. */
export function schemaFileContent(schema: GraphQLSchema): string {
  return `# Generated from the code-first resolvers by \`npm run schema:print\`. Do not edit by hand;\n# a test fails when this file and the code disagree.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
