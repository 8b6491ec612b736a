// The IPC contracts between the UI and the Electron shell. The preload imports `./channels` only.
export * from './channels';
export * from './contracts';
export * from './describe-issues';
export * from './desktop-bridge';
export * from './notices';
export * from './schemas';
