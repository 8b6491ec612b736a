import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionTokens } from '../../../../src-shared/ipc/schemas';
import { NodeFileStore } from '../../../../src-main/adapters/node/node-file-store';
import { TokenVault, VAULT_FILE } from '../../../../src-main/secrets/token-vault';
import { FakeCipher, FakeConsent, MemoryFileStore, MemoryLogger } from '../fakes/fakes';

const tokens: SessionTokens = {
  serviceUrl: 'https://desk.contoso.example',
  accessToken: 'access-secret-123',
  refreshToken: 'refresh-secret-456',
  accessTokenExpiresAt: '2025-06-01T10:00:00.000Z',
  user: {
    id: 'u1',
    email: 'jane@contoso.example',
    displayName: 'Jane',
    role: 'member',
    organization: { id: 'o1', name: 'Contoso' },
  },
};

function setup(files = new MemoryFileStore()) {
  const cipher = new FakeCipher();
  const consent = new FakeConsent(false);
  const log = new MemoryLogger();
  return { cipher, consent, log, files, vault: new TokenVault(cipher, files, consent, log) };
}

const temporary: string[] = [];
afterEach(async () => {
  for (const dir of temporary.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('token vault', () => {
  it('round-trips the session through the cipher, never writing it in the clear', async () => {
    const { vault, files, cipher, consent } = setup();
    expect(await vault.set(tokens)).toEqual({ storage: 'encrypted' });
    const stored = files.text(VAULT_FILE) ?? '';
    expect(stored).not.toContain('access-secret-123');
    expect(files.files.get(VAULT_FILE)?.mode).toBe(0o600);
    expect(consent.asked).toBe(0);

    const restarted = new TokenVault(cipher, files, consent, new MemoryLogger());
    expect(await restarted.get()).toEqual(tokens);
  });

  it('writes the file readable only by the user, on a real disk', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'partner-desk-vault-'));
    temporary.push(dir);
    const { vault, cipher, consent } = setup();
    const disk = new TokenVault(cipher, new NodeFileStore(dir), consent, new MemoryLogger());
    await disk.set(tokens);
    const file = path.join(dir, VAULT_FILE);
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readFile(file, 'utf8')).not.toContain('refresh-secret-456');
    const again = new TokenVault(cipher, new NodeFileStore(dir), consent, new MemoryLogger());
    expect(await again.get()).toEqual(tokens);
    await again.clear();
    await expect(stat(file)).rejects.toThrow();
    expect(await vault.get()).toBeNull();
  });

  it('re-encrypts when safeStorage says the key changed', async () => {
    const { vault, files, cipher, consent } = setup();
    await vault.set(tokens);
    cipher.reEncrypt = true;
    const writesBefore = files.writes;
    expect(await new TokenVault(cipher, files, consent, new MemoryLogger()).get()).toEqual(tokens);
    expect(files.writes).toBe(writesBefore + 1);
  });

  it('on basic_text warns and asks first; a refusal stores nothing and keeps the session for this run', async () => {
    const { vault, files, cipher, consent, log } = setup();
    cipher.selectedBackend = 'basic_text';
    consent.answer = false;
    expect(await vault.set(tokens)).toEqual({ storage: 'memory-only' });
    expect(consent.asked).toBe(1);
    expect(files.files.size).toBe(0);
    expect(cipher.encrypted).toEqual([]);
    expect(log.lines.some((line) => line.startsWith('warn') && line.includes('basic_text'))).toBe(true);
    expect(await vault.get()).toEqual(tokens);
    // Asked once per run, not on every token refresh.
    await vault.set({ ...tokens, accessToken: 'refreshed' });
    expect(consent.asked).toBe(1);
    expect(files.files.size).toBe(0);
    // After a restart nothing is there.
    expect(await new TokenVault(cipher, files, consent, new MemoryLogger()).get()).toBeNull();
  });

  it('on basic_text stores after consent and says so', async () => {
    const { vault, files, cipher, consent } = setup();
    cipher.selectedBackend = 'basic_text';
    consent.answer = true;
    expect(await vault.set(tokens)).toEqual({ storage: 'basic-text' });
    expect(files.files.get(VAULT_FILE)?.mode).toBe(0o600);
  });

  it('a refusal also removes a file stored by an earlier run', async () => {
    const files = new MemoryFileStore();
    const first = setup(files);
    await first.vault.set(tokens);
    const second = setup(files);
    second.cipher.selectedBackend = 'basic_text';
    await second.vault.set(tokens);
    expect(files.files.has(VAULT_FILE)).toBe(false);
  });

  it('keeps the session in memory only when encryption is unavailable', async () => {
    const { vault, files, cipher } = setup();
    cipher.available = false;
    expect(await vault.set(tokens)).toEqual({ storage: 'memory-only' });
    expect(files.files.size).toBe(0);
  });

  it('reads a corrupt or foreign file as no session, without deleting it', async () => {
    const { vault, files } = setup();
    await files.write(VAULT_FILE, JSON.stringify({ version: 1, backend: 'os', ciphertext: 'AAAA' }), {
      mode: 0o600,
    });
    expect(await vault.get()).toBeNull();
    expect(files.files.has(VAULT_FILE)).toBe(true);
  });
});
