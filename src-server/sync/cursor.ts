// The pull cursor, opaque to clients: the service's epoch, the organization, the visibility scope
// of the user, and a position in (version, id) order. `afterId` null means every row of `version`
// was delivered; otherwise the page stopped inside that version, after that id.

export interface Cursor {
  epoch: string;
  orgId: string;
  scope: string;
  version: number;
  afterId: string | null;
}

export function encodeCursor(cursor: Cursor): string {
  const parts = [1, cursor.epoch, cursor.orgId, cursor.scope, cursor.version, cursor.afterId];
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/** Null for anything unreadable: the caller answers `reset`. */
export function decodeCursor(text: string): Cursor | null {
  try {
    const parts: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(parts) || parts.length !== 6 || parts[0] !== 1) return null;
    const [, epoch, orgId, scope, version, afterId] = parts as unknown[];
    if (typeof epoch !== 'string' || typeof orgId !== 'string' || typeof scope !== 'string') return null;
    if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) return null;
    if (afterId !== null && typeof afterId !== 'string') return null;
    return { epoch, orgId, scope, version, afterId };
  } catch {
    return null;
  }
}
