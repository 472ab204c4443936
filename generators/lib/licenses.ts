import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * The licenses a generated module can carry, by SPDX id. The manifest states
 * the id as an SPDX expression (PEP 639), so no trove classifier is needed.
 */
export const licenseIds = ['MIT', 'BSD-3-Clause', 'Apache-2.0', 'GPL-3.0-or-later', 'LGPL-3.0-or-later', 'AGPL-3.0-or-later'] as const;

export type LicenseId = (typeof licenseIds)[number];

export function isLicenseId(value: string): value is LicenseId {
  return (licenseIds as readonly string[]).includes(value);
}

/**
 * One license of the SPDX license list, from its own file: the whole list
 * (`spdx-license-list/full.js`) is 5 MB and takes a quarter of a second to load.
 */
function spdxLicense(id: LicenseId): { name: string; licenseText: string } {
  return require(`spdx-license-list/licenses/${id}.json`) as { name: string; licenseText: string };
}

/** Human name of a license, from the SPDX list: `MIT License`. */
export function licenseName(id: LicenseId): string {
  return spdxLicense(id).name;
}

/**
 * Full text of a license from the SPDX license list, with the copyright
 * placeholders of MIT and BSD-3-Clause filled in.
 */
export function licenseText(id: LicenseId, year: number, holder: string): string {
  // Replacement functions: a holder such as "$&" must not be read as a pattern.
  const text = spdxLicense(id).licenseText
    .replace('<year> <copyright holders>', () => `${year} ${holder}`)
    .replace('<year> <owner>', () => `${year} ${holder}`);
  return text.endsWith('\n') ? text : `${text}\n`;
}
