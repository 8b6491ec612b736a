import type { InvokeName } from '../../src-shared/ipc/channels';
import { INVOKE_CONTRACTS } from '../../src-shared/ipc/contracts';
import type { InvokeResponse } from '../../src-shared/ipc/contracts';
import { describeIssues } from '../../src-shared/ipc/describe-issues';
import type { IpcErrorCode, IpcResult } from '../../src-shared/ipc/desktop-bridge';

export const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value });

export const fail = (code: IpcErrorCode, message: string): IpcResult<never> => ({
  ok: false,
  error: { code, message },
});

/**
 * Runs a web-mode handler the way main runs its own: the input parsed with the channel's schema
 * (same error text), and a thrown error turned into a result, never a rejection.
 */
export async function handle<K extends InvokeName>(
  name: K,
  input: unknown,
  run: (input: never) => InvokeResponse<K> | Promise<InvokeResponse<K>> | IpcResult<InvokeResponse<K>>,
): Promise<IpcResult<InvokeResponse<K>>> {
  const parsed = INVOKE_CONTRACTS[name].request.safeParse(input);
  if (!parsed.success) return fail('invalid-input', `${name}: ${describeIssues(parsed.error)}`);
  try {
    const value = await run(parsed.data as never);
    return isResult(value) ? value : ok(value);
  } catch (error) {
    return fail('internal', `${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function isResult<T>(value: unknown): value is IpcResult<T> {
  return (
    typeof value === 'object' &&
    value !== null &&
    'ok' in value &&
    typeof (value as { ok: unknown }).ok === 'boolean'
  );
}
