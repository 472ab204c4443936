// `npm run build`: compiles the generators for `yo`, then bundles the
// `iris-module` bin from the same TypeScript.
//
// 1. tsc writes dist/generators/<name>/index.js and dist/generators/lib/; the
//    build copies every other file (templates, USAGE) next to them. `yo`
//    and the Yeoman tests load these files.
// 2. esbuild bundles generators/cli.ts, the generators and their runtime
//    dependencies into dist/generators/cli.bundle.js and a few chunks next to
//    it, so that the bin starts without resolving and loading hundreds of
//    modules. In the bundle each of our files sees the `import.meta.url` of
//    its compiled copy from (1), so template folders and generator paths
//    resolve as they do there. Dependencies the bin never reaches are replaced
//    by stubs; those only interactive runs need are loaded on first use.
// 3. The bin, dist/generators/cli.js (over tsc's copy of cli.ts), enables
//    Node's compile cache where Node has it (22.1 and later), then imports the
//    bundle.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = join(root, 'generators');
const outDir = join(root, 'dist', 'generators');
const require = createRequire(import.meta.url);

rmSync(join(root, 'dist'), { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(root, 'tsconfig.json')], { stdio: 'inherit' });
/** Copies every file under `dir` that is not TypeScript (templates, USAGE) next to its compiled copy. */
function copyAssets(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const source = join(dir, entry.name);
    if (entry.isDirectory()) copyAssets(source);
    else if (!entry.name.endsWith('.ts')) cpSync(source, join(outDir, relative(sourceDir, source)));
  }
}
copyAssets(sourceDir);

/**
 * Modules replaced in the bundle, by the specifier they are imported with and,
 * where only one importer's copy is replaced, the importing package or file.
 * `contents` is the replacement module. A stub calls `unreachable()`, which
 * throws: the bin never reaches the module. A lazy replacement imports the real
 * module (the same specifier) where it is first used: `require()` bundles it
 * but runs it only then; `import()` puts it in a chunk of its own, loaded only
 * then. The build fails when a replacement no longer matches any import.
 */
const replacements = [
  {
    // Installs missing generators with npm's Arborist (the whole pacote and
    // @npmcli stack) and imports them. The bin registers all of its generators
    // before running one, so yeoman-environment never installs one; its
    // constructor only makes a `FlyRepository`, which the stub provides.
    specifier: 'fly-import',
    contents: `
      export class FlyRepository { constructor(config) { this.repositoryPath = config.repositoryPath; } }
      for (const method of ['load', 'install', 'import', 'resolve', 'findSpecs']) FlyRepository.prototype[method] = unreachable;
      export const flyImport = unreachable;`,
  },
  {
    // Looks generators up in node_modules folders (globby, and `npm root -g`
    // through execa). Only `env.lookup` and a namespace nobody registered
    // reach it; the bin registers each generator and runs only those.
    specifier: './module-lookup.js',
    importedBy: 'yeoman-environment/dist/',
    contents: 'export const findPackagesIn = unreachable, getNpmPaths = unreachable, moduleLookupSync = unreachable;',
  },
  {
    // Asks the npm registry for a package's latest version, when a generator
    // adds a dependency to a package.json without one. Ours write Python projects.
    specifier: 'latest-version',
    contents: 'export default unreachable;',
  },
  {
    // Runs commands: yeoman-environment's `npm install` after a generator
    // changed package.json, and `this.spawnCommand()`. Ours write Python
    // projects, never touch package.json, and run git with node:child_process.
    specifier: 'execa',
    contents: 'export const execa = unreachable, execaSync = unreachable, execaCommand = unreachable, execaCommandSync = unreachable;',
  },
  {
    // `this.git` and `this.simpleGit`: ours read git's configuration with
    // node:child_process (generators/lib/git-defaults.ts).
    specifier: 'simple-git',
    contents: 'export const simpleGit = unreachable, CheckRepoActions = {}, CleanOptions = {};',
  },
  {
    // All of lodash as `this._` on every generator: ours never use it (other
    // modules of yeoman-generator keep importing the lodash functions they use).
    specifier: 'lodash-es',
    importedBy: 'yeoman-generator/dist/generator.js',
    contents: '',
  },
  {
    // yeoman-generator reads the root generator's package.json (its name keys
    // .yo-rc.json) with `normalize: false`: normalize-package-data and its
    // SPDX tables are never needed.
    specifier: 'read-pkg',
    importedBy: 'read-package-up/',
    contents: `
      import { readFileSync } from 'node:fs';
      import { join } from 'node:path';
      export function readPackageSync({ cwd, normalize = true }) {
        if (normalize) unreachable();
        return JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8'));
      }
      export const readPackage = unreachable;`,
  },
  {
    // The testing adapter that yeoman-test uses, exported by @yeoman/adapter's
    // index: the bin never runs under yeoman-test.
    specifier: './testing/index.js',
    importedBy: '@yeoman/adapter/dist/index.js',
    contents: '',
  },
  {
    // The editor behind an `editor` prompt, and its text encodings: no
    // question of ours is an `editor` prompt.
    specifier: '@inquirer/external-editor',
    contents: 'export const editAsync = unreachable, edit = unreachable;',
  },
  {
    // The terminal adapter's prompts (inquirer, its prompt types and rxjs):
    // loaded on the first question, which a --yes run never asks.
    specifier: './inquirer.js',
    importedBy: '@yeoman/adapter/dist/adapter.js',
    contents: `
      export function createAdapterPromptModule(options) {
        let promptModule;
        return async (...args) => {
          promptModule ??= (await import('./inquirer.js')).createAdapterPromptModule(options);
          return promptModule(...args);
        };
      }`,
  },
  {
    // The adapter's `separator()` for choice lists, from inquirer's core:
    // made when first called (ours never call it).
    specifier: '@inquirer/core',
    importedBy: '@yeoman/adapter/dist/adapter.js',
    contents: "export class Separator { constructor(...args) { return new (require('@inquirer/core').Separator)(...args); } }",
  },
  {
    // The spinner's text width (Unicode tables and an Intl.Segmenter):
    // measured only while it spins on a terminal.
    specifier: 'string-width',
    importedBy: 'ora/',
    contents: "export default (...args) => require('string-width').default(...args);",
  },
  {
    // Reads the .yo-resolve files (one `pattern [status]` per line, # comments)
    // that give a conflict status to the files they match, nearest folder first.
    // The original looks a missing .yo-resolve up again for every file written,
    // in every folder above it: about 300 stat calls, a tenth of a generation's
    // time. This one looks each folder up once, found or not.
    specifier: './yo-resolve.js',
    importedBy: '@yeoman/conflicter/dist/index.js',
    contents: `
      import { readFileSync } from 'node:fs';
      import { dirname } from 'node:path';
      import { Minimatch } from 'minimatch';
      import { transformFileField } from '@yeoman/transform';
      import { isFilePending } from 'mem-fs-editor/state';

      export class YoResolve {
        constructor(options) {
          this.fileName = options?.yoResolveFileName ?? '.yo-resolve';
          this.rulesByFolder = new Map();
        }
        rulesIn(folder) {
          if (!this.rulesByFolder.has(folder)) {
            let rules = null;
            try {
              rules = readFileSync(folder + '/' + this.fileName, 'utf8')
                .split(/\\r?\\n/)
                .map((line) => line.split('#')[0].trim())
                .filter((line) => line !== '')
                .map((line) => {
                  const [pattern, status = 'skip'] = line.split(/[\\s+=]/);
                  const negated = pattern.startsWith('!');
                  return [new Minimatch((negated ? '!' : '') + folder + '/' + (negated ? pattern.slice(1) : pattern)), status];
                });
            } catch {
              // No such file in this folder (or not a file).
            }
            this.rulesByFolder.set(folder, rules);
          }
          return this.rulesByFolder.get(folder);
        }
        async getStatusForFile(filePath) {
          let folder = filePath.replaceAll('\\\\', '/');
          for (;;) {
            for (const [pattern, status] of this.rulesIn(folder) ?? []) if (pattern.match(filePath)) return status;
            const parent = dirname(folder);
            if (parent === folder) return undefined;
            folder = parent;
          }
        }
        createTransform() {
          return transformFileField('conflicter', async (status, file) => status ?? this.getStatusForFile(file.path), { filter: isFilePending });
        }
      }
      export const createYoResolveTransform = (...args) => new YoResolve(...args).createTransform();`,
  },
  {
    // The welcome banner of an interactive run.
    specifier: 'yosay',
    contents: "export default (...args) => require('yosay').default(...args);",
  },
];

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const isImportedBy = (importer, replacement) =>
  !replacement.importedBy || importer.replaceAll('\\', '/').includes(`/${replacement.importedBy}`);

const replacementPlugin = {
  name: 'replacements',
  setup(build) {
    const used = new Set();
    const filter = new RegExp(`^(${replacements.map(({ specifier }) => escapeRegExp(specifier)).join('|')})$`);
    build.onResolve({ filter }, ({ path, importer, namespace, resolveDir }) => {
      // A lazy replacement's own import gets the real module.
      if (namespace === 'replacement') return undefined;
      const replacement = replacements.find((candidate) => candidate.specifier === path && isImportedBy(importer, candidate));
      if (!replacement) return undefined;
      used.add(replacement);
      const id = `${replacement.importedBy ?? ''}:${replacement.specifier}`;
      return { path: id, namespace: 'replacement', pluginData: { replacement, resolveDir } };
    });
    build.onLoad({ filter: /.*/, namespace: 'replacement' }, ({ pluginData: { replacement, resolveDir } }) => {
      const message = `${replacement.specifier} is not part of the iris-module bin (see scripts/build.mjs)`;
      const unreachable = `function unreachable() { throw new Error(${JSON.stringify(message)}); }`;
      return { contents: `${unreachable}\n${replacement.contents}`, loader: 'js', resolveDir };
    });
    build.onEnd(() => {
      const unused = replacements.filter((replacement) => !used.has(replacement)).map(({ specifier }) => specifier);
      if (unused.length > 0) throw new Error(`replacements that match no import any more (update scripts/build.mjs): ${unused.join(', ')}`);
    });
  },
};

/**
 * Our files: `import.meta.url` becomes the URL of the file's compiled copy,
 * relative to the output file that holds the code: the bundle and its chunks
 * lie in dist/generators/, as the compiled copy of generators/cli.ts does.
 */
const ownFilesPlugin = {
  name: 'own-file-urls',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, ({ path }) => {
      if (relative(sourceDir, path).startsWith('..')) return undefined;
      const compiled = `./${relative(sourceDir, path).replaceAll('\\', '/').replace(/\.ts$/, '.js')}`;
      const contents = readFileSync(path, 'utf8').replaceAll('import.meta.url', `new URL(${JSON.stringify(compiled)}, import.meta.url).href`);
      return { contents, loader: 'ts' };
    });
  },
};

/**
 * Dependencies that read their own package.json next to their file get it
 * inlined: in the bundle, their file is not where they expect it.
 */
const ownPackageJson = [
  {
    package: 'yeoman-generator',
    file: 'dist/generator.js',
    code: "JSON.parse(readFileSync(pathJoin(_dirname, '../package.json'), 'utf8'))",
  },
  {
    package: 'yeoman-environment',
    file: 'dist/environment-base.js',
    code: "require('../package.json')",
  },
];

const packageJsonPlugin = {
  name: 'inline-package-json',
  setup(build) {
    for (const entry of ownPackageJson) {
      build.onLoad({ filter: new RegExp(`node_modules/${escapeRegExp(`${entry.package}/${entry.file}`)}$`) }, ({ path }) => {
        const source = readFileSync(path, 'utf8');
        if (!source.includes(entry.code)) throw new Error(`${entry.package}/${entry.file} no longer contains ${entry.code} (update scripts/build.mjs)`);
        const packageJson = readFileSync(join(path.slice(0, -entry.file.length), 'package.json'), 'utf8');
        return { contents: source.replace(entry.code, `(${packageJson.trim()})`), loader: 'js' };
      });
    }
  },
};

const result = await esbuild.build({
  entryPoints: [join(sourceDir, 'cli.ts')],
  outdir: outDir,
  entryNames: '[name].bundle',
  // Modules imported with import() go to chunks of their own, next to the
  // bundle (our files stay in dist/generators/, where their URLs point).
  splitting: true,
  chunkNames: 'cli.chunk-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // `BUNDLE_UNMINIFIED=1 npm run build` keeps it readable, to read or profile.
  minify: !process.env.BUNDLE_UNMINIFIED,
  // CommonJS dependencies call require() for Node's built-in modules.
  banner: { js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
  plugins: [replacementPlugin, ownFilesPlugin, packageJsonPlugin],
  metafile: Boolean(process.env.BUNDLE_METAFILE),
  logLevel: 'warning',
});
// `BUNDLE_METAFILE=meta.json npm run build` says what the bundle holds (esbuild's analyzer reads it).
if (process.env.BUNDLE_METAFILE) writeFileSync(process.env.BUNDLE_METAFILE, JSON.stringify(result.metafile));

const bin = join(outDir, 'cli.js');
writeFileSync(
  bin,
  `#!/usr/bin/env node
// The iris-module bin, written by scripts/build.mjs: the generators run from cli.bundle.js.
import module from 'node:module';
import { prefetchGitConfig } from './lib/git-defaults.js';
// git reads the author defaults while the bundle loads.
prefetchGitConfig();
// Node 22.1 and later keep V8's compiled code of the bundle between runs.
module.enableCompileCache?.();
await import('./cli.bundle.js');
`,
);
chmodSync(bin, 0o755);
