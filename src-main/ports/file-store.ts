/** Files under one directory (userData). Names are plain file names, never paths. */
export interface FileStore {
  read(name: string): Promise<Uint8Array | null>;
  /** Atomic replace; `mode` is applied to the new file (0o600: readable only by the user). */
  write(name: string, data: Uint8Array | string, options: { mode: number }): Promise<void>;
  remove(name: string): Promise<void>;
}
