// Fallback entry of a sweep worker thread when no pre-built bundle can be made (thread-bundle.ts):
// worker threads do not inherit the main thread's tsx loader, so it registers its own and loads
// the engine from source (about 3 s per thread on the 2-core box).
import { register } from 'tsx/esm/api';

register();
await import('./sweep-thread-main.ts');
