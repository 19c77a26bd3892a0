import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { createBridge } from './bridge'

// Sandboxed preload: CommonJS, no Node beyond what Electron grants, and only this one object.
contextBridge.exposeInMainWorld(
  'kyc',
  createBridge({
    invoke: (channel, request) => ipcRenderer.invoke(channel, request),
    listen: (channel, listener) => {
      const wrapped = (_event: IpcRendererEvent, payload: unknown): void => listener(payload)
      ipcRenderer.on(channel, wrapped)
      return () => ipcRenderer.removeListener(channel, wrapped)
    },
  }),
)
