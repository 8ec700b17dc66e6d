/**
 * The Web Worker that hosts the simulation engine. Control calls arrive through comlink; the
 * packed metric frames' Float64Arrays are transferred back (zero copy). Only src/worker talks to
 * workers.
 */
import * as Comlink from 'comlink';
import { createSimulation } from '../engine/index.ts';
import { createEngineHost } from './engineHost.ts';
import { workerApi } from './workerApi.ts';

Comlink.expose(workerApi(createEngineHost(createSimulation)));
