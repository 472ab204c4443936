// `yo iris-module:processor`: a processor module package (hooks on IRIS objects).
import type { ModuleType } from '../lib/iris.js';
import { PackageGenerator, type PackageGeneratorOptions } from '../lib/package-generator.js';

export default class ProcessorGenerator extends PackageGenerator {
  protected readonly moduleType: ModuleType = 'processor';

  constructor(args: string[], options: PackageGeneratorOptions) {
    super(args, options);
    this.declareTypeOptions();
  }
}
