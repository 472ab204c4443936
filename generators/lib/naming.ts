// Every name a generated module uses, derived from the answers in one place.
// Pure functions: the generators, the templates' context and the tests share them.

/** Lower-case, dash-separated slug of a folder name: `My Module` -> `my-module`. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Default distribution name for a folder: the folder's slug when it already
 * looks like an IRIS module (starts with `iris`), otherwise `iris-<slug>-module`.
 */
export function defaultModuleName(folderName: string): string {
  const slug = slugify(folderName);
  if (slug === '') return 'iris-module';
  return slug.startsWith('iris') ? slug : `iris-${slug}-module`;
}

/**
 * Keyword derived from a distribution name: the part between an `iris` prefix
 * and a `module` suffix, words joined by `_`.
 * `iris-threat-fox-module` -> `threat_fox`, `irismisp` -> `misp`, `iris-toto` -> `toto`.
 * Returns '' when nothing is left (`iris-module`); validation then asks for one.
 */
export function deriveKeyword(moduleName: string): string {
  const words = moduleName
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
  // `iris` alone becomes an empty word, dropped below.
  if (words[0]?.startsWith('iris')) words[0] = words[0].slice('iris'.length);
  if (words.at(-1) === 'module') words.pop();
  return words.filter((word) => word !== '').join('_');
}

/** Import package derived from a distribution name: lower case, `-` and `.` to `_`. */
export function derivePackageName(moduleName: string): string {
  return moduleName.toLowerCase().replace(/[-.]+/g, '_');
}

/** `threat_fox` -> `ThreatFox`, `TFX` -> `TFX`, `threatfox` -> `Threatfox`. */
export function pascalCase(keyword: string): string {
  return keyword
    .split('_')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/** `TFX` -> `tfx`, `threat_fox` -> `threat_fox`. */
export function snakeCase(keyword: string): string {
  return keyword.toLowerCase();
}

/** The names one IRIS module package is made of. */
export interface ModuleNames {
  /** Import package, the name typed into IRIS: `iris_threatfox_module`. */
  packageName: string;
  /** Keyword as the user gave it: `TFX`. */
  keyword: string;
  /** `Tfx`-style part of class names: `TFX`, `Threatfox`. */
  keywordPascal: string;
  /** Lower-case part of file, parameter and pipeline names: `tfx`. */
  keywordSnake: string;
  /** Interface class, and the file that holds it (IRIS needs both equal). */
  interfaceClass: string;
  /** Module-level configuration file (without `.py`). */
  configModule: string;
  /** Handler sub-package: `tfx_handler`. */
  handlerPackage: string;
  /** Handler module inside it: `tfx_handler`. */
  handlerModule: string;
  /** Handler class: `TfxHandler`. */
  handlerClass: string;
  /** `_module_name`: the human name IRIS looks the configuration up by. */
  humanName: string;
  /** Prefix of every configuration parameter: `tfx_`. */
  paramPrefix: string;
  /** `pipeline_internal_name` for pipeline modules (no `-`). */
  pipelineInternalName: string;
}

export function moduleNames(keyword: string, packageName: string): ModuleNames {
  const keywordPascal = pascalCase(keyword);
  const keywordSnake = snakeCase(keyword);
  return {
    packageName,
    keyword,
    keywordPascal,
    keywordSnake,
    interfaceClass: `Iris${keywordPascal}Interface`,
    configModule: `Iris${keywordPascal}Config`,
    handlerPackage: `${keywordSnake}_handler`,
    handlerModule: `${keywordSnake}_handler`,
    handlerClass: `${keywordPascal}Handler`,
    humanName: `Iris${keywordPascal}`,
    paramPrefix: `${keywordSnake}_`,
    pipelineInternalName: `${keywordSnake}_pipeline`,
  };
}
