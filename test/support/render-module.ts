// Development aid: render a module's templates straight with EJS, without
// Yeoman, into a folder. `npx tsx test/support/render-module.ts <out> <type> [keyword] [packageName]`
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ejs from 'ejs';
import { templateContext, type TemplateContext } from '../../generators/lib/context.js';
import { defaultHookPairs, processorHooks } from '../../generators/lib/hooks.js';
import { moduleNames } from '../../generators/lib/naming.js';
import { renderedPath } from '../../generators/lib/template-paths.js';
import type { ModuleType } from '../../generators/lib/iris.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

export function renderTree(templatesDir: string, outDir: string, context: TemplateContext): string[] {
  const written: string[] = [];
  for (const file of walk(templatesDir)) {
    const rel = renderedPath(relative(templatesDir, file).split('\\').join('/'), context.names);
    const target = join(outDir, rel);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, ejs.render(readFileSync(file, 'utf8'), context as unknown as ejs.Data));
    written.push(rel);
  }
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [out, type = 'processor', keyword = 'threatfox', packageName = `iris_${keyword.toLowerCase()}_module`] =
    process.argv.slice(2);
  if (!out) throw new Error('usage: render-module.ts <out> [type] [keyword] [packageName]');
  const names = moduleNames(keyword, packageName);
  const context = templateContext({
    project: {
      moduleName: packageName.replace(/_/g, '-'),
      description: `DFIR-IRIS ${type} module for ${keyword}`,
      author: 'Jane Analyst',
      email: 'jane@example.org',
      githubUser: 'jane',
      license: 'MIT',
      moduleVersion: '0.1.0',
    },
    module: { type: type as ModuleType, keyword, packageName },
    hooks: type === 'processor' ? processorHooks(defaultHookPairs, names.paramPrefix, { ioc: `Get ${names.keywordPascal} insight` }) : [],
    pipelineArgs: type === 'pipeline' ? [{ name: 'tag', required: false }] : [],
    fileTypes: [],
  });
  for (const dir of ['generators/app/templates', `generators/${type}/templates`, 'generators/lib/templates']) {
    try {
      for (const rel of renderTree(join(root, dir), out, context)) console.log(rel);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}
