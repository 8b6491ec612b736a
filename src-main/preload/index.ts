// The preload: runs sandboxed, emitted as one CommonJS file, imports nothing but electron.
// It exposes one named method per IPC channel and nothing generic.
import { contextBridge } from 'electron';

contextBridge.exposeInMainWorld('partnerDesk', Object.freeze({ kind: 'desktop' as const }));
