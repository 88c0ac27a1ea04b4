// Injected into every bundle by scripts/build.mjs: the bundles are CommonJS, where
// `import.meta.url` is empty, but ESM-only dependencies call `createRequire(import.meta.url)`
// at load (fdir, under tinyglobby) and would throw. They get the bundle file's URL instead.
import { pathToFileURL } from 'node:url';

export const import_meta_url = pathToFileURL(__filename).href;
