/** Linux backends as Electron names them; 'os' is the Keychain (macOS) or DPAPI (Windows). */
export type SecretBackend =
  'os' | 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';

/** safeStorage's asynchronous API, behind a port. */
export interface SecretCipher {
  isAvailable(): Promise<boolean>;
  backend(): SecretBackend;
  encrypt(plainText: string): Promise<Uint8Array>;
  decrypt(data: Uint8Array): Promise<{ plainText: string; shouldReEncrypt: boolean }>;
}

/** Asks the user; false when refused or dismissed. */
export interface ConsentPrompt {
  /** Linux without a keyring: the tokens would be stored only obfuscated. */
  allowPlainTextStorage(): Promise<boolean>;
}
