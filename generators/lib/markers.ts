// Markers of the README's generated regions: the module list, and one section per
// package. The README template writes them; sub-generators and `update` find them.
export const readmeModulesStart = '<!-- iris-modules:start -->';
export const readmeModulesEnd = '<!-- iris-modules:end -->';
export const readmeSectionsStart = '<!-- iris-module-sections:start -->';
export const readmeSectionsEnd = '<!-- iris-module-sections:end -->';
