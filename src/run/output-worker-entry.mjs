// Worker threads start without the main thread's TypeScript loader: register tsx's,
// then load the real (TypeScript) worker.
import { register } from 'tsx/esm/api';

register();
await import('./output-worker.ts');
