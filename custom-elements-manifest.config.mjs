/** Reads the element's JSDoc (@fires, @csspart, @cssprop, @slot) into custom-elements.json. */

/** The `emit(type, …)` helper makes the analyzer see an event named "type": keep the real ones. */
const onlyLibraryEvents = {
  name: 'only-library-events',
  packageLinkPhase({ customElementsManifest }) {
    for (const module of customElementsManifest.modules) {
      for (const declaration of module.declarations ?? []) {
        if (declaration.events) {
          declaration.events = declaration.events.filter((event) => event.name?.startsWith('sync-notify-'));
        }
      }
    }
  },
};

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/sw/**'],
  outdir: '.',
  litelement: true,
  plugins: [onlyLibraryEvents],
};
