// Which database failures are transient (retry later: 503) and which are bugs (500).

/** A failure the client should retry after a pause: connection lost, deadlock, shutdown, injected. */
export class TransientDatabaseError extends Error {
  override readonly name = 'TransientDatabaseError';
}

// SQLSTATE classes: 08 connection, 40 rollback (serialization, deadlock), 53 resources, 57 operator
// intervention (shutdown), 58 system errors.
const TRANSIENT_CLASSES = ['08', '40', '53', '57', '58'];

const NODE_NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTCONN']);

export function isTransientDatabaseError(error: unknown): boolean {
  if (error instanceof TransientDatabaseError) return true;
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (NODE_NETWORK_CODES.has(code)) return true;
    if (code.length === 5 && TRANSIENT_CLASSES.includes(code.slice(0, 2))) return true;
  }
  const message = (error as { message?: unknown }).message;
  // pg's own wording when a pooled connection dies or the pool is ending.
  return (
    typeof message === 'string' &&
    /Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect/i.test(
      message,
    )
  );
}

/** A unique-constraint violation (SQLSTATE 23505). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
