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

/**
 * `sync-notify-button.ts` registers the component's class with a call, `customElement('tag')(Class)`,
 * not a decorator (the class is shared with the element that sends forms): record that definition.
 */
const registrationCalls = {
  name: 'registration-calls',
  analyzePhase({ ts, node, moduleDoc }) {
    if (!ts.isCallExpression(node) || !ts.isCallExpression(node.expression)) return;
    const { expression: inner } = node;
    const [tag] = inner.arguments;
    const [element] = node.arguments;
    if (inner.expression.getText() !== 'customElement' || !tag || !ts.isStringLiteral(tag) || !element || !ts.isIdentifier(element)) return;
    const source = node.getSourceFile();
    const imported = source.statements.find(
      (statement) => ts.isImportDeclaration(statement) && statement.importClause?.namedBindings?.elements?.some((binding) => binding.name.text === element.text),
    );
    const module = imported
      ? `src/${imported.moduleSpecifier.text.replace(/^\.\//, '').replace(/\.js$/, '.ts')}`
      : moduleDoc.path;
    (moduleDoc.exports ??= []).push({ kind: 'custom-element-definition', name: tag.text, declaration: { name: element.text, module } });
  },
};

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/sw/**'],
  outdir: '.',
  litelement: true,
  plugins: [onlyLibraryEvents, registrationCalls],
};
