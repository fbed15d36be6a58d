/** The key the settings are stored under in the browser's synced storage area. */
export const SETTINGS_STORAGE_KEY = 'settings';
