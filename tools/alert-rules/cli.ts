/** Entry point: `npm run alert-rules -- --help`. All logic lives in main.ts. */
import { main } from './main';

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() }).then((code) => {
  process.exitCode = code;
});
