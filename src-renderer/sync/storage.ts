// Ask the browser not to evict our data under storage pressure (the outbox holds work that exists
// nowhere else). Electron grants it; a browser may say no, which the UI can show.
export async function requestPersistentStorage(): Promise<boolean> {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
  if (!storage?.persist) return false;
  try {
    return (await storage.persisted()) || (await storage.persist());
  } catch {
    return false;
  }
}

export interface StorageEstimate {
  usage: number | null;
  quota: number | null;
}

export async function storageEstimate(): Promise<StorageEstimate> {
  try {
    const e = await navigator.storage.estimate();
    return { usage: e.usage ?? null, quota: e.quota ?? null };
  } catch {
    return { usage: null, quota: null };
  }
}
