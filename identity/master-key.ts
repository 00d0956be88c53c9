import { IdentityError } from './identity-error.ts';

/** The key-encryption key. Opaque on purpose: it has no toString/toJSON that could leak into a log. */
export interface MasterKey {
  readonly bytes: Uint8Array;
}

export interface LoadMasterKeyOptions {
  /** Usually `process.env`: `MRV_MASTER_KEY` (base64 of 32 bytes) or `MRV_MASTER_KEY_FILE` (path). */
  env: Record<string, string | undefined>;
  readFile?: (path: string) => Promise<Uint8Array>;
}

/**
 * Loads the master key from the environment or a key file. Error messages name the variable but never
 * echo its value.
 */
export async function loadMasterKey(options: LoadMasterKeyOptions): Promise<MasterKey> {
  const { env } = options;
  const inline = env.MRV_MASTER_KEY;
  if (inline) return masterKeyFromBase64(inline, 'MRV_MASTER_KEY');
  const file = env.MRV_MASTER_KEY_FILE;
  if (file) {
    if (!options.readFile)
      throw new IdentityError('MASTER_KEY_INVALID', 'MRV_MASTER_KEY_FILE given but no file reader');
    let content: Uint8Array;
    try {
      content = await options.readFile(file);
    } catch (cause) {
      throw new IdentityError('MASTER_KEY_INVALID', `MRV_MASTER_KEY_FILE: cannot read ${file}`, { cause });
    }
    if (content.length === 32) return wrap(content);
    return masterKeyFromBase64(Buffer.from(content).toString('utf8').trim(), 'MRV_MASTER_KEY_FILE');
  }
  throw new IdentityError(
    'MASTER_KEY_INVALID',
    'set MRV_MASTER_KEY (base64, 32 bytes) or MRV_MASTER_KEY_FILE',
  );
}

export function masterKeyFromBase64(value: string, source = 'master key'): MasterKey {
  if (!/^[A-Za-z0-9+/]{43}=$/.test(value.trim())) {
    throw new IdentityError('MASTER_KEY_INVALID', `${source} must be base64 of exactly 32 bytes`);
  }
  return wrap(Buffer.from(value.trim(), 'base64'));
}

function wrap(bytes: Uint8Array): MasterKey {
  const copy = Uint8Array.from(bytes);
  const key = {} as MasterKey;
  Object.defineProperty(key, 'bytes', { value: copy, enumerable: false });
  Object.defineProperty(key, 'toJSON', { value: () => '[master key]', enumerable: false });
  return Object.freeze(key);
}
