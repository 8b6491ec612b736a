import type { z } from 'zod';
import type { InvokeName } from '../../src-shared/ipc/channels';
import { INVOKE_CONTRACTS } from '../../src-shared/ipc/contracts';
import type { InvokeContracts } from '../../src-shared/ipc/contracts';
import { describeIssues } from '../../src-shared/ipc/describe-issues';
import type { IpcResult } from '../../src-shared/ipc/desktop-bridge';
import type { Logger } from '../ports/clock';
import type { IpcMainPort, IpcSender } from '../ports/ipc-port';
import { isTrustedSender } from '../security/trusted-sender';
import { IpcFailure } from './ipc-failure';

/** One handler per contract: the mapped type makes a missing channel a compile error. */
export type IpcHandlers = {
  readonly [K in InvokeName]: (
    input: z.output<InvokeContracts[K]['request']>,
  ) => Promise<z.input<InvokeContracts[K]['response']>> | z.input<InvokeContracts[K]['response']>;
};

/** Registers every contract channel with ipcMain: sender check, input validation, result object. */
export function registerIpcHandlers(ipc: IpcMainPort, handlers: IpcHandlers, log: Logger): void {
  for (const name of Object.keys(INVOKE_CONTRACTS) as InvokeName[]) {
    const contract = INVOKE_CONTRACTS[name];
    const handler = handlers[name] as (input: unknown) => unknown;
    ipc.handle(contract.channel, (sender, args) =>
      invokeSafely(name, contract.request, contract.response, handler, sender, args, log),
    );
  }
}

async function invokeSafely(
  name: InvokeName,
  request: z.ZodType,
  response: z.ZodType,
  handler: (input: unknown) => unknown,
  sender: IpcSender,
  args: readonly unknown[],
  log: Logger,
): Promise<IpcResult<unknown>> {
  if (!isTrustedSender(sender)) {
    log.warn(`IPC ${name} refused: sender ${describeSender(sender)} is not our window's main frame`);
    return failure('forbidden-sender', 'This call is accepted only from the Partner Desk window.');
  }
  if (args.length > 1)
    return failure('invalid-input', `${name}: expected at most one argument, got ${args.length}`);
  const parsed = request.safeParse(args[0]);
  if (!parsed.success) return failure('invalid-input', `${name}: ${describeIssues(parsed.error)}`);
  try {
    const value: unknown = await handler(parsed.data);
    const checked = response.safeParse(value);
    if (!checked.success) {
      log.error(`IPC ${name} produced an invalid response: ${describeIssues(checked.error)}`);
      return failure('internal', `${name} failed inside Partner Desk.`);
    }
    return { ok: true, value: checked.data };
  } catch (error) {
    if (error instanceof IpcFailure) return failure(error.code, error.message);
    log.error(
      `IPC ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return failure('internal', `${name} failed inside Partner Desk.`);
  }
}

function failure(code: IpcFailure['code'], message: string): IpcResult<never> {
  return { ok: false, error: { code, message } };
}

function describeSender(sender: IpcSender): string {
  const url = sender.frameUrl ?? 'a destroyed frame';
  return `${url.slice(0, 200)}${sender.isMainFrame ? '' : ' (subframe)'}${sender.isOwnWindow ? '' : ' (not our window)'}`;
}
