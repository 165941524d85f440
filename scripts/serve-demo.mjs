/** Serves the demo (which uses the built dist/ files, as a host site would) on localhost. */
import { startDevServer } from '@web/dev-server';

const port = Number(process.env.PORT ?? 8080);
await startDevServer({
  config: { rootDir: '.', port, hostname: 'localhost', nodeResolve: false, watch: false },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
console.log(`\nsync-notify-button demo: http://localhost:${port}/demo/\n(Ctrl+C to stop)`);
