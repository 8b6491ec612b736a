import { Menu, nativeImage, Tray } from 'electron';
import type { NativeImage } from 'electron';
import type { TrayMenuItemId, TrayPort, TrayView } from '../../ports/tray-port';

export interface TrayIcons {
  idle: NativeImage;
  attention: NativeImage;
}

/** Loads the tray icons from resources/tray (template images on macOS, so they follow dark mode). */
export function loadTrayIcons(directory: string): TrayIcons {
  if (process.platform === 'darwin') {
    const template = nativeImage.createFromPath(`${directory}/trayTemplate.png`);
    template.setTemplateImage(true);
    return { idle: template, attention: template };
  }
  return {
    idle: nativeImage.createFromPath(`${directory}/tray.png`),
    attention: nativeImage.createFromPath(`${directory}/tray-attention.png`),
  };
}

/** The system tray: icon, tooltip, macOS menu-bar count and the context menu. */
export function createTrayPort(icons: TrayIcons): TrayPort {
  const tray = new Tray(icons.idle);
  const menuListeners: ((id: TrayMenuItemId) => void)[] = [];
  let current: TrayView['icon'] = 'idle';
  return {
    render(view) {
      if (view.icon !== current) {
        tray.setImage(icons[view.icon]);
        current = view.icon;
      }
      tray.setToolTip(view.tooltip);
      if (process.platform === 'darwin') tray.setTitle(view.title);
      tray.setContextMenu(
        Menu.buildFromTemplate(
          view.menu.map((item) =>
            item === 'separator'
              ? { type: 'separator' as const }
              : {
                  label: item.label,
                  enabled: item.enabled,
                  click: () => menuListeners.forEach((listener) => listener(item.id)),
                },
          ),
        ),
      );
    },
    onMenuItem(listener) {
      menuListeners.push(listener);
    },
    onActivate(listener) {
      // macOS opens the menu on click; elsewhere a click on the icon opens the window.
      if (process.platform !== 'darwin') tray.on('click', listener);
    },
  };
}
