// `npm run keys [-- --out <dir>]`: a new Ed25519 key pair for signed result tokens. Prints the private
// key for the function's MOBILECHECK_SIGNING_KEY (never written to disk) and writes the public key,
// as PEM and as JWK, for the operator's backend.
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ed25519PublicJwk, jwkThumbprint } from '../cloudfunctions/mobileCheck/src/host';

export const PUBLIC_PEM_FILE = 'mobileCheck-public.pem';
export const PUBLIC_JWK_FILE = 'mobileCheck-public.jwk.json';

export interface KeyFiles {
  privatePem: string;
  kid: string;
  files: string[];
}

/** Writes the public key files into `outDir`; refuses (and writes nothing) if either exists. */
export function makeKeys(outDir: string): KeyFiles {
  const files = [PUBLIC_PEM_FILE, PUBLIC_JWK_FILE].map((name) => path.join(outDir, name));
  const existing = files.filter((file) => existsSync(file));
  if (existing.length > 0) {
    throw new Error(`${existing.join(' and ')} already ${existing.length > 1 ? 'exist' : 'exists'}: choose another --out directory, or move the old key away first`);
  }
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const jwk = ed25519PublicJwk(publicKey);
  const kid = jwkThumbprint(jwk);
  mkdirSync(outDir, { recursive: true });
  // 'wx': never replace a file that appeared meanwhile.
  writeFileSync(files[0], publicKey.export({ type: 'spki', format: 'pem' }), { flag: 'wx' });
  writeFileSync(files[1], `${JSON.stringify({ ...jwk, kid, alg: 'EdDSA', use: 'sig' }, null, 2)}\n`, { flag: 'wx' });
  return { privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), kid, files };
}

const shortPath = (file: string): string => {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') ? file : relative;
};

function main(argv: string[]): number {
  let out: string;
  try {
    out = parseArgs({ args: argv, options: { out: { type: 'string', default: './keys/' } } }).values.out ?? './keys/';
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\nusage: npm run keys [-- --out <dir>]`);
    return 2;
  }
  let keys: KeyFiles;
  try {
    keys = makeKeys(path.resolve(out));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
  const pem = keys.privatePem.trim();
  console.log('MOBILECHECK_SIGNING_KEY (the cloud function\'s environment variable; keep it secret, it is not saved anywhere):\n');
  console.log(`${pem}\n`);
  console.log(`Paste it as is; where the console takes a single line, paste this instead: ${pem.replace(/\n/g, '\\n')}\n`);
  console.log(`kid: ${keys.kid} (the default of MOBILECHECK_SIGNING_KEY_ID: leave that unset)`);
  console.log(`public key for your backend: ${keys.files.map(shortPath).join(', ')}`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
