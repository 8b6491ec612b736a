import { z } from 'zod';
import { sessionTokensSchema } from '../../src-shared/ipc/schemas';
import type { SessionTokens, TokenStorage } from '../../src-shared/ipc/schemas';
import type { Logger } from '../ports/clock';
import type { FileStore } from '../ports/file-store';
import type { ConsentPrompt, SecretCipher } from '../ports/secret-cipher';
import { PRIVATE_FILE_MODE } from '../persistence/json-file';

export const VAULT_FILE = 'session-tokens.json';

const envelopeSchema = z.strictObject({
  version: z.literal(1),
  backend: z.string(),
  /** base64 of safeStorage's ciphertext. */
  ciphertext: z.string().min(1),
});

/**
 * The service session, encrypted with safeStorage (asynchronous API) in a file under userData
 * readable only by the user. Where Linux has no keyring (the basic_text backend) safeStorage only
 * obfuscates, so the user is warned and asked first; a refusal keeps the tokens in memory for this
 * run and writes nothing.
 */
export class TokenVault {
  private memory: SessionTokens | null = null;
  private loaded = false;
  private plainTextConsent: boolean | null = null;

  constructor(
    private readonly cipher: SecretCipher,
    private readonly files: FileStore,
    private readonly consent: ConsentPrompt,
    private readonly log: Logger,
  ) {}

  async get(): Promise<SessionTokens | null> {
    if (!this.loaded) {
      this.loaded = true;
      this.memory ??= await this.load();
    }
    return this.memory;
  }

  async set(tokens: SessionTokens): Promise<TokenStorage> {
    this.memory = tokens;
    this.loaded = true;
    if (!(await this.cipher.isAvailable())) {
      this.log.warn('safeStorage is not available: the session is kept in memory only');
      await this.files.remove(VAULT_FILE);
      return { storage: 'memory-only' };
    }
    const backend = this.cipher.backend();
    if (backend === 'basic_text' && !(await this.askPlainTextConsent())) {
      await this.files.remove(VAULT_FILE);
      return { storage: 'memory-only' };
    }
    await this.persist(tokens);
    return { storage: backend === 'basic_text' ? 'basic-text' : 'encrypted' };
  }

  async clear(): Promise<void> {
    this.memory = null;
    this.loaded = true;
    await this.files.remove(VAULT_FILE);
  }

  private async askPlainTextConsent(): Promise<boolean> {
    // Asked once per run: tokens are refreshed often and the answer does not change meanwhile.
    if (this.plainTextConsent === null) {
      this.log.warn('no keyring found (safeStorage backend basic_text): asking before storing the session');
      this.plainTextConsent = await this.consent.allowPlainTextStorage().catch(() => false);
    }
    return this.plainTextConsent;
  }

  private async persist(tokens: SessionTokens): Promise<void> {
    const ciphertext = await this.cipher.encrypt(JSON.stringify(tokens));
    const envelope = { version: 1, backend: this.cipher.backend(), ciphertext: toBase64(ciphertext) };
    await this.files.write(VAULT_FILE, JSON.stringify(envelope), { mode: PRIVATE_FILE_MODE });
  }

  private async load(): Promise<SessionTokens | null> {
    try {
      const bytes = await this.files.read(VAULT_FILE);
      if (bytes === null) return null;
      if (!(await this.cipher.isAvailable())) return null;
      const envelope = envelopeSchema.parse(JSON.parse(new TextDecoder().decode(bytes)));
      const { plainText, shouldReEncrypt } = await this.cipher.decrypt(fromBase64(envelope.ciphertext));
      const tokens = sessionTokensSchema.parse(JSON.parse(plainText));
      // The key was rotated or a stronger one is available: store under the new key.
      if (shouldReEncrypt) await this.persist(tokens);
      return tokens;
    } catch (error) {
      // Kept on disk: a keyring that is locked today may open tomorrow. A new sign-in overwrites it.
      this.log.warn(
        `could not read the stored session: ${error instanceof Error ? error.message : String(error)}`,
      );
      return null;
    }
  }
}

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

function fromBase64(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'base64'));
}
