import type { DesktopBridge } from '../../bridge';
import { SessionSchema, type Session, type SessionVault } from './session';

/** The session kept by the host: encrypted by main in the desktop app, the tab's storage in web mode. */
export function bridgeVault(bridge: DesktopBridge): SessionVault {
  return {
    async load() {
      const result = await bridge.getSessionTokens();
      if (!result.ok || !result.value) return null;
      const parsed = SessionSchema.safeParse(result.value);
      return parsed.success ? parsed.data : null;
    },
    async save(session: Session) {
      const result = await bridge.setSessionTokens(session);
      if (!result.ok) throw new Error(`the session could not be stored: ${result.error.message}`);
    },
    async clear() {
      await bridge.clearSessionTokens();
    },
  };
}
