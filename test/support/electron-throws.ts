// Tests alias `electron` to this module: no Electron binary can run here, and main's logic is
// tested through its ports. Any value import of electron that leaks into tested code fails at once.
throw new Error(
  'electron was imported in a test: keep Electron value imports in src-main/adapters/electron and the preload',
);
