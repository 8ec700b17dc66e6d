// vitest setup: tests build simulations directly (new EngineSimulation), so load the sandbox first.
import { prepareSandbox } from './quickjs.ts';

await prepareSandbox();
