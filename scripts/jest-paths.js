// Maps the tsconfig "paths" aliases (@app/x and @app/x/*) for Jest, so there is one source of truth for them.
const { compilerOptions } = require('../tsconfig.json');

function pathsToModuleNameMapper() {
  const mapper = {};
  for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
    const from = alias.replace(/[/]/g, '\\/').replace('*', '(.*)');
    mapper[`^${from}$`] = `<rootDir>/${target.replace('*', '$1')}`;
  }
  return mapper;
}

module.exports = { pathsToModuleNameMapper };
