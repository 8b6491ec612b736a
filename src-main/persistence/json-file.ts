import type { z } from 'zod';
import type { Logger } from '../ports/clock';
import type { FileStore } from '../ports/file-store';

/** Everything main writes under userData is for this user only. */
export const PRIVATE_FILE_MODE = 0o600;

/** A JSON document in the FileStore, parsed with a schema; a missing or corrupt file gives the fallback. */
export class JsonFile<T> {
  constructor(
    private readonly files: FileStore,
    private readonly name: string,
    private readonly schema: z.ZodType<T>,
    private readonly log: Logger,
  ) {}

  async read(fallback: T): Promise<T> {
    const bytes = await this.files.read(this.name).catch((error: unknown) => {
      this.log.warn(`could not read ${this.name}: ${String(error)}`);
      return null;
    });
    if (bytes === null) return fallback;
    try {
      const parsed = this.schema.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
      if (parsed.success) return parsed.data;
      this.log.warn(`${this.name} does not match its schema; starting from defaults`);
    } catch {
      this.log.warn(`${this.name} is not valid JSON; starting from defaults`);
    }
    return fallback;
  }

  async write(value: T): Promise<void> {
    await this.files.write(this.name, JSON.stringify(value), { mode: PRIVATE_FILE_MODE });
  }
}
