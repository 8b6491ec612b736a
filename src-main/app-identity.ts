// Identity shared by main and the installers: resources/electron-builder.yml must use the same
// appId (a test checks), because Windows ties notifications to the AppUserModelId.
export const APP_ID = 'com.partnerdesk.desktop';
export const PRODUCT_NAME = 'Partner Desk';
/** Deep links: partnerdesk://referral/<id>. */
export const DEEP_LINK_SCHEME = 'partnerdesk';
/** Linux: the .desktop file electron-builder installs (executableName + .desktop); the launcher badge needs it. */
export const LINUX_DESKTOP_FILE = 'partner-desk.desktop';
