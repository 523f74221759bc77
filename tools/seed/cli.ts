/** Entry point: `npm run seed -- --help`. All logic lives in main.ts. */
import { main } from './main';

const stop = new AbortController();
process.once('SIGINT', () => stop.abort());
process.once('SIGTERM', () => stop.abort());

main(process.argv.slice(2), { signal: stop.signal }).then((code) => {
  process.exitCode = code;
});
