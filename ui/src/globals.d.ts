// Constants vite.config.ts defines at build time (and for Vitest).

/** The app's version from src-tauri/tauri.conf.json. */
declare const __APP_VERSION__: string;
