/** Serves the demo (the built dist/ files, used as a host site would, and its chat and contact servers) on localhost. */
import { startDevServer } from '@web/dev-server';
import { chatApi } from '../demo/chat-api.mjs';
import { contactApi } from '../demo/contact-api.mjs';

/** The site's root is the demo. */
function rootToDemo(context, next) {
  if (context.path !== '/') return next();
  context.redirect('/demo/');
  return undefined;
}

const port = Number(process.env.PORT ?? 8080);
await startDevServer({
  config: { rootDir: '.', port, hostname: 'localhost', nodeResolve: false, watch: false, middleware: [rootToDemo, chatApi, contactApi] },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
console.log(`\nsync-notify-button demo: http://localhost:${port}/demo/\n(Ctrl+C to stop)`);
