/** True in the development/test bundle (AMPLIFY_RENDERER_LAB=1), false in production: see renderer/vite.config.ts. */
declare const __AMPLIFY_LAB__: boolean;
