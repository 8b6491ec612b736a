// The preload: runs sandboxed, emitted as one CommonJS file, imports nothing but electron.
// It exposes one named method per IPC channel and nothing generic (see ./bridge).
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL_KEY } from '../../src-shared/ipc/channels';
import { createPreloadBridge } from './bridge';

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL_KEY, Object.freeze(createPreloadBridge(ipcRenderer)));
