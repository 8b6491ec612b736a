import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// Webhook secrets at rest: AES-256-GCM with a key from PARTNER_DESK_SECRET_KEY (32 bytes, base64
// or hex) or, failing that, a key file generated once in the data directory with mode 0600.
// Several service processes on one Postgres must share the key: give them the same env value.

const KEY_FILE = 'secret.key';

function decodeKey(text: string): Buffer | null {
  const trimmed = text.trim();
  const hex = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : null;
  const key = hex ?? Buffer.from(trimmed, 'base64');
  return key.length === 32 ? key : null;
}

export function loadSecretKey(envValue: string | undefined, dataDir: string): Buffer {
  if (envValue !== undefined && envValue !== '') {
    const key = decodeKey(envValue);
    if (!key) throw new Error('PARTNER_DESK_SECRET_KEY must be 32 bytes, as base64 or 64 hex digits.');
    return key;
  }
  const file = path.join(dataDir, KEY_FILE);
  try {
    const key = decodeKey(readFileSync(file, 'utf8'));
    if (!key) throw new Error(`${file} does not hold a 32-byte key.`);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true });
  try {
    // 'wx': two processes starting at once must not overwrite each other's key.
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const key = decodeKey(readFileSync(file, 'utf8'));
  if (!key) throw new Error(`${file} does not hold a 32-byte key.`);
  return key;
}

export class SecretBox {
  constructor(private readonly key: Buffer) {}

  /** base64 of iv (12) | tag (16) | ciphertext. */
  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  open(sealed: string): string {
    const raw = Buffer.from(sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }
}
