import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import type { IpcMainPort, IpcSender, RendererChannel } from '../../ports/ipc-port';

/** ipcMain.handle behind the port: describes the sender; the router decides whether to trust it. */
export function createIpcMainPort(isOwnWindow: (contents: WebContents) => boolean): IpcMainPort {
  return {
    handle(channel, handler) {
      ipcMain.removeHandler(channel);
      ipcMain.handle(channel, (event, ...args: unknown[]) =>
        handler(describeSender(event, isOwnWindow), args),
      );
    },
  };
}

function describeSender(
  event: IpcMainInvokeEvent,
  isOwnWindow: (contents: WebContents) => boolean,
): IpcSender {
  const frame = event.senderFrame;
  try {
    if (!frame || frame.isDestroyed()) return { frameUrl: null, isMainFrame: false, isOwnWindow: false };
    const main = event.sender.mainFrame;
    return {
      frameUrl: frame.url,
      isMainFrame: frame.parent === null && frame.frameTreeNodeId === main.frameTreeNodeId,
      isOwnWindow: isOwnWindow(event.sender),
    };
  } catch {
    // Accessing a frame that is being torn down throws: treat it like a destroyed one.
    return { frameUrl: null, isMainFrame: false, isOwnWindow: false };
  }
}

/** Sends events to the main window's page, if it is alive. */
export function createRendererChannel(contents: () => WebContents | null): RendererChannel {
  return {
    send(channel, payload) {
      const target = contents();
      if (target && !target.isDestroyed()) target.send(channel, payload);
    },
  };
}
