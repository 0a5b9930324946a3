/** `npm run web`: serve Commonplace to a browser on 127.0.0.1 (port from PORT, else a free one). */
import { announce, startBrowserMode } from './browser-mode';

startBrowserMode(__dirname).then(announce, (error: unknown) => {
  console.error(`Commonplace could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
