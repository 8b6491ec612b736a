import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { FileStore } from '../../ports/file-store';

/**
 * FileStore on the local disk. Writes go to a temporary file created with the requested mode and
 * are renamed over the target, so a crash never leaves half a file; writes to one name are
 * serialized so an older write can never land after a newer one.
 */
export class NodeFileStore implements FileStore {
  private readonly queues = new Map<string, Promise<void>>();

  constructor(private readonly directory: string) {}

  async read(name: string): Promise<Uint8Array | null> {
    try {
      return await readFile(this.pathOf(name));
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  write(name: string, data: Uint8Array | string, options: { mode: number }): Promise<void> {
    return this.serialize(name, () => this.writeNow(name, data, options.mode));
  }

  remove(name: string): Promise<void> {
    return this.serialize(name, () => rm(this.pathOf(name), { force: true }));
  }

  private async writeNow(name: string, data: Uint8Array | string, mode: number): Promise<void> {
    const target = this.pathOf(name);
    await mkdir(this.directory, { recursive: true, mode: 0o700 });
    const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    // 'wx' with a mode: the file is never, even briefly, readable by others.
    const handle = await open(temporary, 'wx', mode);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // The umask can only remove bits; chmod makes the mode exact on every platform that has modes.
    await chmod(temporary, mode);
    try {
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  private serialize(name: string, task: () => Promise<void>): Promise<void> {
    const previous = this.queues.get(name) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(task);
    this.queues.set(name, next);
    void next
      .finally(() => {
        if (this.queues.get(name) === next) this.queues.delete(name);
      })
      .catch(() => undefined);
    return next;
  }

  private pathOf(name: string): string {
    if (!/^[\w.-]+$/.test(name) || name.startsWith('.')) throw new Error(`invalid store file name: ${name}`);
    return path.join(this.directory, name);
  }
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT';
}
