/** shell.openExternal, behind a port: gets only URLs the guard produced. */
export interface ExternalOpener {
  open(url: string): Promise<void>;
}
