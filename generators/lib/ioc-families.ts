// The IOC families a processor can look up, and the IRIS IOC types of each (IRIS
// names IOC types as MISP does: `create_safe_ioctypes` in iris-web's post_init.py).
// Stated once: the `--ioc-types` question, the generated runtime and the README
// read them from here.

export const iocFamilies = {
  domain: ['domain', 'hostname', 'domain|ip', 'hostname|port'],
  ip: ['ip-src', 'ip-dst', 'ip-any', 'ip-src|port', 'ip-dst|port'],
  hash: [
    'md5',
    'sha1',
    'sha224',
    'sha256',
    'sha384',
    'sha512',
    'sha512/224',
    'sha512/256',
    'sha3-224',
    'sha3-256',
    'sha3-384',
    'sha3-512',
    'ssdeep',
    'imphash',
    'impfuzzy',
    'tlsh',
    'authentihash',
    'pehash',
    'telfhash',
    'vhash',
  ],
  url: ['url', 'uri', 'link'],
  email: ['email', 'email-src', 'email-dst', 'email-reply-to', 'target-email'],
  filename: ['filename'],
} as const satisfies Record<string, readonly string[]>;

export type IocFamily = keyof typeof iocFamilies;

/** Every family, in the order the question lists them. */
export const iocFamilyNames = Object.keys(iocFamilies) as IocFamily[];

/** What the official modules look up: the default of `--ioc-types`. */
export const defaultIocFamilies: readonly IocFamily[] = ['domain', 'ip', 'hash', 'url'];

/** What an IOC of each family is, for docstrings and the README. */
export const iocFamilyLabels: Record<IocFamily, string> = {
  domain: 'a domain or host name',
  ip: 'an IP address',
  hash: 'a file hash, of a filename|hash IOC too',
  url: 'a URL',
  email: 'an email address',
  filename: 'a file name',
};

export function isIocFamily(value: string): value is IocFamily {
  return Object.hasOwn(iocFamilies, value);
}
