/** What main knows about the frame that sent an IPC call. */
export interface IpcSender {
  /** The sending frame's URL; null when the frame is gone (navigated or destroyed). */
  frameUrl: string | null;
  /** The frame is the top-level frame of its page (not an iframe). */
  isMainFrame: boolean;
  /** The sender belongs to a window this app created (not devtools, not a stray webContents). */
  isOwnWindow: boolean;
}

export type IpcInvokeHandler = (sender: IpcSender, args: readonly unknown[]) => Promise<unknown>;

/** ipcMain.handle, behind a port. */
export interface IpcMainPort {
  handle(channel: string, handler: IpcInvokeHandler): void;
}

/** webContents.send to the main window's page, behind a port. */
export interface RendererChannel {
  send(channel: string, payload: unknown): void;
}
