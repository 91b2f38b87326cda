// The import rules `npm test` checks (`npm run lint` → `depcruise`): no cycles, and every folder of
// src/ imports only from folders in lower layers. docs/ARCHITECTURE.md shows the same layers.
// dependency-cruiser because it is made for exactly this: it resolves through tsconfig.json, names
// each breach, and with the swc parser it sees type-only imports too (the kind that held the old
// 7-file cycle together). swc, not tsc: TypeScript 7.0's compiler has no API it can use.

/** Folders of src/ (and properties/), lowest first. A folder imports only from earlier layers. */
const LAYERS = [
  ['core'],
  ['spec', 'runtime', 'config', 'credentials', 'value-arbitraries', 'version.ts'],
  ['traffic', 'clients'],
  ['network', 'property'],
  ['scenario', 'dimensions'],
  ['arbitraries', 'coverage', 'recording'],
  ['replay', 'har', 'runner', '../properties'],
  ['record', 'report', 'resolve'],
  ['serve', 'library', 'versions'],
  ['cli'],
  ['index.ts'],
]

const pathOf = (folder) => (folder.startsWith('../') ? `^${folder.slice(3)}/` : `^src/${folder.replace('.', '[.]')}($|/)`)

/** For each folder, a rule against importing its own layer or any layer above. */
const layerRules = LAYERS.flatMap((layer, index) =>
  layer.flatMap((folder) => {
    const higher = LAYERS.slice(index)
      .flat()
      .filter((other) => other !== folder)
    if (higher.length === 0) return []
    return {
      name: `layer:${folder}`,
      comment: `${folder} is in layer ${index}: it may import only from layers 0–${index - 1}`,
      severity: 'error',
      from: { path: pathOf(folder) },
      to: { path: higher.map(pathOf) },
    }
  }),
)

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'an import cycle: the modules in it can only be understood, and changed, together',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...layerRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    parser: 'swc',
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(^|/)node_modules/|\\.test\\.ts$' },
  },
}
