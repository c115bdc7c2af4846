import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { compiledExecutionPlugin } from './compiled-execution.plugin';

// Which operations the plugin serves compiled, told by Apollo's own executor: it calls executionDidStart,
// the compiled path does not.
const Item = new GraphQLObjectType({ name: 'Item', fields: { n: { type: GraphQLInt }, label: { type: GraphQLString } } });
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      items: {
        type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(Item))),
        args: { n: { type: new GraphQLNonNull(GraphQLInt) } },
        resolve: (_root, { n }: { n: number }) => {
          resolverCalls++;
          if (n < 0) throw new GraphQLError('n must be ≥ 0', { extensions: { code: 'BAD_USER_INPUT', field: 'n' } });
          return Array.from({ length: n }, (_, i) => ({ n: i, label: `#${i}` }));
        },
      },
      other: { type: GraphQLString, resolve: () => 'x' },
    },
  }),
  mutation: new GraphQLObjectType({ name: 'Mutation', fields: { items: { type: GraphQLInt, resolve: () => 1 } } }),
});

let standardRuns = 0;
let resolverCalls = 0;
const counter: ApolloServerPlugin = { requestDidStart: async () => ({ executionDidStart: async () => void standardRuns++ }) };
const server = new ApolloServer({ schema, plugins: [counter, compiledExecutionPlugin(['items'])] });

async function run(query: string, variables?: Record<string, unknown>) {
  standardRuns = 0;
  resolverCalls = 0;
  const res = await server.executeOperation({ query, variables });
  if (res.body.kind !== 'single') throw new Error('expected a single result');
  return { result: res.body.singleResult, standardRuns, resolverCalls };
}

beforeAll(() => server.start());
afterAll(() => server.stop());

describe('compiledExecutionPlugin', () => {
  it('serves a query of the listed root fields compiled, with the same answer as the standard executor', async () => {
    const query = 'query Q($n: Int!) { items(n: $n) { n label } also: items(n: 1) { ...F } } fragment F on Item { label __typename }';
    const compiled = await run(query, { n: 3 });
    expect(compiled.standardRuns).toBe(0);
    expect(compiled.result.errors).toBeUndefined();
    const standard = await run(`${query.replace('{ items', '{ other items')}`, { n: 3 });
    expect(standard.standardRuns).toBe(1);
    const { other: _other, ...data } = standard.result.data as Record<string, unknown>;
    expect(compiled.result.data).toEqual(data);
    // The second request of the same document runs the cached compiled form.
    expect((await run(query, { n: 2 })).result.data).toMatchObject({ items: [{ n: 0 }, { n: 1 }] });
  });

  it('leaves other operations, mutations and root directives to the standard executor', async () => {
    expect((await run('{ other }')).standardRuns).toBe(1);
    expect((await run('{ items(n: 1) { n } other }')).standardRuns).toBe(1);
    expect((await run('mutation { items }')).standardRuns).toBe(1);
    expect((await run('query ($s: Boolean!) { items(n: 1) @include(if: $s) { n } }', { s: true })).standardRuns).toBe(1);
    // Keys written into the document rather than passed as variables: a new document each time, not compiled.
    const long = `{ ${Array.from({ length: 800 }, (_, i) => `a${i}: items(n: 0) { n }`).join(' ')} }`;
    expect(long.length).toBeGreaterThan(16 * 1024);
    expect((await run(long)).standardRuns).toBe(1);
  });

  it('hands an answer with errors to the standard executor, so errors are formatted and reported as always', async () => {
    const failed = await run('query ($n: Int!) { items(n: $n) { n } }', { n: -1 });
    expect(failed.standardRuns).toBe(1);
    expect(failed.resolverCalls).toBe(2); // compiled, thrown away, run again: only for read-only root fields
    expect(failed.result.errors?.[0]).toMatchObject({ message: 'n must be ≥ 0', extensions: { code: 'BAD_USER_INPUT', field: 'n' } });
    expect(failed.result.data).toBeNull();
    const badVariable = await run('query ($n: Int!) { items(n: $n) { n } }', { n: 'five' });
    expect(badVariable.result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(badVariable.resolverCalls).toBe(0);
  });
});
