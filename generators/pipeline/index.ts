// `yo iris-module:pipeline`: a pipeline module package (files analysts upload to a case).
import type { ModuleType } from '../lib/iris.js';
import { PackageGenerator, type PackageGeneratorOptions } from '../lib/package-generator.js';

export default class PipelineGenerator extends PackageGenerator {
  protected readonly moduleType: ModuleType = 'pipeline';

  constructor(args: string[], options: PackageGeneratorOptions) {
    super(args, options);
    this.declareTypeOptions();
  }
}
